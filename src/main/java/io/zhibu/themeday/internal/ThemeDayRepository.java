package io.zhibu.themeday.internal;

import static io.zhibu.db.Tables.THEMEDAY_FILE;
import static io.zhibu.db.Tables.THEMEDAY_PICK;
import static io.zhibu.db.Tables.THEMEDAY_THEME;

import io.zhibu.db.tables.records.ThemedayFileRecord;
import io.zhibu.db.tables.records.ThemedayPickRecord;
import io.zhibu.db.tables.records.ThemedayThemeRecord;
import io.zhibu.shared.OrgPath;
import io.zhibu.themeday.ThemeStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The theme library's tables (jOOQ lives here only). */
@Repository
public class ThemeDayRepository {
    private final DSLContext db;

    public ThemeDayRepository(DSLContext db) {
        this.db = db;
    }

    static List<String> ancestorsOrSelf(String path) {
        List<String> out = new ArrayList<>();
        for (int i = OrgPath.SEGMENT; i <= path.length(); i += OrgPath.SEGMENT) {
            out.add(path.substring(0, i));
        }
        return out;
    }

    public ThemedayThemeRecord newTheme() {
        return db.newRecord(THEMEDAY_THEME);
    }

    public Optional<ThemedayThemeRecord> find(long id) {
        return db.selectFrom(THEMEDAY_THEME).where(THEMEDAY_THEME.ID.eq(id)).fetchOptional();
    }

    /**
     * Themes published by {@code path}'s ancestors and itself and, with {@code subtree}, by its subtree; of the
     * given months (all when empty), newest month first.
     */
    public List<ThemedayThemeRecord> visibleAt(String path, boolean subtree, Collection<String> months, boolean publishedOnly,
                                              int limit) {
        Condition c = THEMEDAY_THEME.ORG_PATH.in(ancestorsOrSelf(path));
        if (subtree) {
            c = c.or(THEMEDAY_THEME.ORG_PATH.ge(path).and(THEMEDAY_THEME.ORG_PATH.lt(OrgPath.upperBound(path))));
        }
        Condition which = DSL.and(c, months.isEmpty() ? DSL.noCondition() : THEMEDAY_THEME.THEME_MONTH.in(months),
                publishedOnly ? THEMEDAY_THEME.STATUS.eq(ThemeStatus.PUBLISHED) : DSL.noCondition());
        return db.selectFrom(THEMEDAY_THEME).where(which)
                .orderBy(THEMEDAY_THEME.THEME_MONTH.desc(), THEMEDAY_THEME.ORG_PATH, THEMEDAY_THEME.ID.desc()).limit(limit).fetch();
    }

    /** Optimistic update of the text: false when the version moved on. */
    public boolean update(ThemedayThemeRecord r, int expectedVersion) {
        return db.update(THEMEDAY_THEME).set(THEMEDAY_THEME.THEME_MONTH, r.getThemeMonth()).set(THEMEDAY_THEME.TOPIC, r.getTopic())
                .set(THEMEDAY_THEME.MATERIALS, r.getMaterials()).set(THEMEDAY_THEME.ACTIVITIES, r.getActivities())
                .set(THEMEDAY_THEME.UPDATED_AT, r.getUpdatedAt()).set(THEMEDAY_THEME.VERSION, expectedVersion + 1)
                .where(THEMEDAY_THEME.ID.eq(r.getId())).and(THEMEDAY_THEME.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public boolean withdraw(long id, java.time.OffsetDateTime at) {
        return db.update(THEMEDAY_THEME).set(THEMEDAY_THEME.STATUS, ThemeStatus.WITHDRAWN).set(THEMEDAY_THEME.UPDATED_AT, at)
                .set(THEMEDAY_THEME.VERSION, THEMEDAY_THEME.VERSION.plus(1))
                .where(THEMEDAY_THEME.ID.eq(id)).and(THEMEDAY_THEME.STATUS.eq(ThemeStatus.PUBLISHED)).execute() == 1;
    }

    public ThemedayFileRecord newFile() {
        return db.newRecord(THEMEDAY_FILE);
    }

    public List<ThemedayFileRecord> files(long themeId) {
        return db.selectFrom(THEMEDAY_FILE).where(THEMEDAY_FILE.THEME_ID.eq(themeId)).orderBy(THEMEDAY_FILE.ID).fetch();
    }

    public Optional<ThemedayFileRecord> file(long themeId, long fileId) {
        return db.selectFrom(THEMEDAY_FILE).where(THEMEDAY_FILE.THEME_ID.eq(themeId)).and(THEMEDAY_FILE.ID.eq(fileId)).fetchOptional();
    }

    public ThemedayPickRecord newPick() {
        return db.newRecord(THEMEDAY_PICK);
    }

    public Optional<ThemedayPickRecord> pickOf(long meetingId) {
        return db.selectFrom(THEMEDAY_PICK).where(THEMEDAY_PICK.MEETING_ID.eq(meetingId)).fetchOptional();
    }

    /** Picks of a theme by meetings of the subtree under {@code path}. */
    public List<ThemedayPickRecord> picksUnder(long themeId, String path, int limit) {
        return db.selectFrom(THEMEDAY_PICK).where(THEMEDAY_PICK.THEME_ID.eq(themeId))
                .and(THEMEDAY_PICK.ORG_PATH.ge(path)).and(THEMEDAY_PICK.ORG_PATH.lt(OrgPath.upperBound(path)))
                .orderBy(THEMEDAY_PICK.PICKED_AT.desc()).limit(limit).fetch();
    }

    /** Number of picks per theme. */
    public Map<Long, Integer> pickCounts(Collection<Long> themeIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (themeIds.isEmpty()) {
            return out;
        }
        db.select(THEMEDAY_PICK.THEME_ID, DSL.count()).from(THEMEDAY_PICK).where(THEMEDAY_PICK.THEME_ID.in(themeIds))
                .groupBy(THEMEDAY_PICK.THEME_ID).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Demo data: many themes in JDBC batches. */
    public void insertAll(List<ThemedayThemeRecord> rows) {
        for (int i = 0; i < rows.size(); i += 1000) {
            db.batchInsert(rows.subList(i, Math.min(rows.size(), i + 1000))).execute();
        }
    }
}
