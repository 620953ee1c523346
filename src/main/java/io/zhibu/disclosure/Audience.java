package io.zhibu.disclosure;

/** Who sees a published item. */
public enum Audience {
    /** The publishing organization's subtree (its members on their phone, the secretaries, the superiors). */
    SUBTREE,
    /** Also anyone with the item's QR code / link (no sign-in; the text must carry no personal data). */
    PUBLIC
}
