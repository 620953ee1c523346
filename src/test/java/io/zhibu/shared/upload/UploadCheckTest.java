package io.zhibu.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.support.TestFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 19 point 3: the upload tricks of the report are refused by content, checked on the whole file. */
class UploadCheckTest {
    private final UploadCheck check = new UploadCheck(new UploadCheck.Limits(10_000, 64L << 20, 100, 60_000_000, 3000));

    private String refusal(String name, byte[] bytes, java.util.Set<FileType> allowed) {
        try {
            check.check("file", name, bytes, allowed);
            return null;
        } catch (InvalidInputException e) {
            assertThat(e.violations().getFirst().field()).isEqualTo("file");
            return e.violations().getFirst().code();
        }
    }

    @Test
    void realFilesPass() {
        assertThat(check.check("file", "a.png", TestFiles.png(), FileType.PHOTOS).contentType()).isEqualTo("image/png");
        assertThat(check.check("file", "a.jpg", TestFiles.jpeg(), FileType.PHOTOS).inline()).isTrue();
        assertThat(check.check("file", "a.pdf", TestFiles.pdf(), FileType.DOCUMENTS).inline()).isFalse();
        assertThat(check.check("file", "a.docx", TestFiles.docx(), FileType.DOCUMENTS).type()).isEqualTo(FileType.DOCX);
    }

    @Test
    void jpegHeaderFollowedByHtmlIsNoPhoto() {
        byte[] jpeg = TestFiles.jpeg();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] both = new byte[jpeg.length + html.length];
        System.arraycopy(jpeg, 0, both, 0, jpeg.length);
        System.arraycopy(html, 0, both, jpeg.length, html.length);
        assertThat(refusal("a.jpg", both, FileType.PHOTOS)).isEqualTo("upload.trailingData");
        byte[] headerOnly = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, '<', 'h', 't', 'm', 'l', '>'};
        assertThat(refusal("a.jpg", headerOnly, FileType.PHOTOS)).isNotNull();
    }

    @Test
    void scriptsAndExecutablesAreRefused() {
        assertThat(refusal("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), FileType.DOCUMENTS)).isEqualTo("upload.type");
        assertThat(refusal("x.html", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), FileType.DOCUMENTS))
                .isEqualTo("upload.type");
        assertThat(refusal("x.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, FileType.DOCUMENTS)).isEqualTo("upload.type");
        assertThat(refusal("x.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, FileType.DOCUMENTS))
                .isEqualTo("upload.type");
    }

    @Test
    void pdfWithAutoRunJavaScriptIsRefused() {
        assertThat(refusal("a.pdf", TestFiles.pdfWithJavaScript(), FileType.DOCUMENTS)).isEqualTo("upload.pdfActive");
    }

    @Test
    void macrosAndZipBombsAreRefusedBeforeParsing() {
        assertThat(refusal("a.docx", TestFiles.docx("word/vbaProject.bin", "x"), FileType.DOCUMENTS)).isEqualTo("upload.macros");
        // 200 MB of one letter packs into a few hundred KB: the ratio check stops the inflation early
        long start = System.nanoTime();
        assertThat(refusal("bomb.xlsx", TestFiles.xlsxBomb(200 << 20), FileType.SHEETS)).isEqualTo("upload.zipRatio");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(20_000);
        UploadCheck tight = new UploadCheck(new UploadCheck.Limits(3, 64L << 20, 100, 60_000_000, 3000));
        assertThatThrownBy(() -> tight.check("file", "a.docx", TestFiles.docx("a", "1", "b", "2"), FileType.DOCUMENTS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("upload.zipEntries");
    }

    @Test
    void csvMustBeUtf8() {
        assertThat(refusal("a.csv", new byte[] {'a', ',', (byte) 0xC4, (byte) 0xE3}, FileType.SHEETS)).isEqualTo("upload.encoding");
        assertThat(refusal("a.csv", "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8), FileType.SHEETS)).isNull();
    }

    @Test
    void formulaCellsAreRecognisedAndNeutralizedOnExport() {
        for (String f : new String[] {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(SpreadsheetCells.isFormula(f)).as(f).isTrue();
            assertThat(SpreadsheetCells.safe(f)).startsWith("'");
        }
        for (String ok : new String[] {"张三", "-12.5", "+3", "13736435330", "", "a=b"}) {
            assertThat(SpreadsheetCells.isFormula(ok)).as(ok).isFalse();
        }
    }
}
