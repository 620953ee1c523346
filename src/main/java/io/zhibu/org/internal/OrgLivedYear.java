package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ORGANIZATION;
import static io.zhibu.db.Tables.ORG_TERM;

import io.zhibu.org.OrgStatus;
import io.zhibu.org.OrgType;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.BulkInsert;
import io.zhibu.shared.demo.LivedYear;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The branches' committees of a lived year (R1.8, §1.4), in the org module's own table: the current term of every
 * branch (from its recorded term start and length) with the secretary on file and an organization and propaganda
 * member — except in the lagging branches, where a post is left vacant (班子不齐全, as the assessment will find).
 */
@Component
class OrgLivedYear implements LivedYear {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "郑", "宋", "韩", "冯", "程", "田", "范", "牛", "常", "贾", "秦"};
    private static final String[] GIVEN = {"建国", "秀兰", "志刚", "桂英", "海涛", "玉梅", "国强", "红霞", "永生", "丽华",
        "卫东", "春梅", "文明", "淑珍", "向阳", "晓燕", "振华", "素芳", "新民", "金凤"};
    private final DSLContext db;
    private final TransactionTemplate tx;

    OrgLivedYear(DSLContext db, TransactionTemplate tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "committees";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public long generate(Region region) {
        var o = ORG_ORGANIZATION;
        List<OrgType> types = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);
        var branches = db.select(o.ID, o.REGION_ORG_ID, o.PATH, o.SECRETARY_NAME, o.TERM_STARTED_ON, o.TERM_YEARS)
                .from(o).where(o.PATH.ge(region.rootPath())).and(o.PATH.lt(OrgPath.upperBound(region.rootPath())))
                .and(o.TYPE.in(types)).and(o.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .orderBy(o.PATH).fetch();
        Map<Long, Double> diligence = region.diligence(branches.map(r -> r.value1()));
        OffsetDateTime now = region.today().atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        List<Object[]> rows = new ArrayList<>();
        for (var b : branches) {
            if (b.value5() == null || b.value6() == null) {
                continue;
            }
            SplittableRandom r = region.random("committee", b.value1());
            boolean lagging = Region.lagging(diligence.getOrDefault(b.value1(), 0.95));
            LocalDate started = b.value5();
            rows.add(new Object[] {b.value2(), b.value1(), b.value3(), started, b.value6(), started.plusYears(b.value6()),
                    true, b.value4(), null, name(r), lagging ? null : name(r), null, "demo-year", now});
        }
        var t = ORG_TERM;
        List<Field<?>> fields = List.of(t.REGION_ORG_ID, t.ORG_ID, t.ORG_PATH, t.STARTED_ON, t.TERM_YEARS, t.ENDS_ON,
                t.CURRENT_TERM, t.SECRETARY, t.DEPUTY_SECRETARY, t.ORGANIZATION_MEMBER, t.PROPAGANDA_MEMBER,
                t.DISCIPLINE_MEMBER, t.ACTOR, t.CREATED_AT);
        tx.executeWithoutResult(s -> BulkInsert.rows(db, t, fields, rows));
        return rows.size();
    }

    private static String name(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }
}
