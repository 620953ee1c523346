package io.zhibu.demo;

import io.zhibu.account.AccountService;
import io.zhibu.account.PasswordPolicy;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo county (中共修武县委, ~300 organizations, {@code zhibu.demo.members} members, default 10,000) and the
 * demo accounts on the first start, through the module APIs and as the audited actor "system". Everything is one
 * transaction, so a failed load leaves nothing behind; a restart loads nothing because account {@code admin} exists.
 * <p>
 * Accounts: {@code admin} (ADMIN), {@code secadmin} (SECURITY_ADMIN), {@code auditor} (AUDITOR), {@code county}
 * (ORG_STAFF of the county), {@code township} (ORG_STAFF of 城关镇), {@code secretary} (BRANCH_SECRETARY of
 * 东关村支部) and {@code member} (MEMBER, a full member of 东关村支部). The password is {@code zhibu.demo.password}
 * (env ZHIBU_DEMO_PASSWORD); if blank, a random one is generated and printed once.
 * Active only with {@code zhibu.demo.enabled=true} (never in the prod profile, see ProductionGuard).
 */
@Component
@ConditionalOnBooleanProperty("zhibu.demo.enabled")
@Order(10)
public class DemoDataLoader implements ApplicationRunner {
    public static final List<String> USERNAMES =
            List.of("admin", "secadmin", "auditor", "county", "township", "secretary", "member");
    static final int CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final OrgService orgs;
    private final MemberService members;
    private final AccountService accounts;
    private final DemoDirectory directory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String configuredPassword;
    private final int memberCount;
    private final long seed;
    private final LivedYearLoader livedYear;
    private final boolean withLivedYear;
    private final int livedMonths;

    public DemoDataLoader(OrgService orgs, MemberService members, AccountService accounts, DemoDirectory directory,
                          PlatformTransactionManager transactionManager, Clock clock,
                          @Value("${zhibu.demo.password:}") String password,
                          @Value("${zhibu.demo.members:10000}") int memberCount,
                          @Value("${zhibu.demo.seed:" + DemoDataGenerator.DEFAULT_SEED + "}") long seed,
                          LivedYearLoader livedYear,
                          @Value("${zhibu.demo.lived-year:false}") boolean withLivedYear,
                          @Value("${zhibu.demo.lived-months:12}") int livedMonths) {
        this.livedYear = livedYear;
        this.withLivedYear = withLivedYear;
        this.livedMonths = livedMonths;
        this.orgs = orgs;
        this.members = members;
        this.accounts = accounts;
        this.directory = directory;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.configuredPassword = password;
        this.memberCount = memberCount;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists("admin")) {
            log.info("Demo data: account 'admin' exists, nothing to load");
            return;
        }
        long start = System.nanoTime();
        RegionPlan plan = new DemoDataGenerator(seed, LocalDate.now(clock)).county(memberCount);
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            PasswordPolicy.check(password);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("zhibu.demo.password (ZHIBU_DEMO_PASSWORD) must have at least 8 characters "
                    + "from at least 3 of: upper case, lower case, digits, symbols");
        }
        SystemActor.run(() -> tx.executeWithoutResult(status -> load(plan, password)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Demo data loaded: {} organizations, {} members, {} accounts in {} ms", plan.orgs().size(),
                plan.memberCount(), USERNAMES.size(), took.toMillis());
        if (withLivedYear) {
            long t = System.nanoTime();
            Organization county = orgs.get(SystemActor.SCOPE, directory.get().countyId());
            List<LivedYearLoader.Step> steps = livedYear.load(county, seed, livedMonths);
            log.info("Demo data: the county's lived year ({} months) in {} ms: {}", livedMonths,
                    (System.nanoTime() - t) / 1_000_000, steps);
        }
        banner(generated ? password : null);
    }

    private void load(RegionPlan plan, String password) {
        long[] ids = new long[plan.orgs().size()];
        for (OrgSpec spec : plan.orgs()) {
            Long parentId = spec.parentKey() < 0 ? null : ids[spec.parentKey()];
            Organization org = orgs.create(SystemActor.SCOPE, spec.toCreateOrg(parentId));
            ids[spec.key()] = org.id();
        }
        Iterator<List<MemberSpec>> chunks = plan.memberChunks(CHUNK);
        while (chunks.hasNext()) {
            members.seed(SystemActor.SCOPE, chunks.next().stream().map(m -> m.toForm(ids[m.orgKey()])).toList());
        }
        DemoDirectory.DemoIds demo = directory.findUncached()
                .orElseThrow(() -> new IllegalStateException("demo organizations not found after loading"));
        String secretaryName = orgs.get(SystemActor.SCOPE, demo.villageBranchId()).secretaryName();
        String memberName = members.get(SystemActor.SCOPE, demo.villageMemberId()).name();
        accounts.createUser("admin", "平台管理员", password, Role.ADMIN, null, null);
        accounts.createUser("secadmin", "安全管理员", password, Role.SECURITY_ADMIN, null, null);
        accounts.createUser("auditor", "审计管理员", password, Role.AUDITOR, null, null);
        accounts.createUser("county", "修武县委组织部", password, Role.ORG_STAFF, demo.countyId(), null);
        accounts.createUser("township", "城关镇党委组织委员", password, Role.ORG_STAFF, demo.townshipId(), null);
        accounts.createUser("secretary", secretaryName, password, Role.BRANCH_SECRETARY, demo.villageBranchId(), null);
        accounts.createUser("member", memberName, password, Role.MEMBER, null, demo.villageMemberId());
    }

    private static void banner(String generatedPassword) {
        String line = "=".repeat(72);
        String password = generatedPassword != null
                ? "Password (generated, shown only now): " + generatedPassword
                : "Password: the configured zhibu.demo.password (ZHIBU_DEMO_PASSWORD)";
        log.warn("\n{}\n  Zhibu demo accounts: {}\n  {}\n  Scopes: county = 中共修武县委, township = 中共城关镇委员会,\n"
                        + "          secretary = 中共城关镇东关村支部委员会, member = a member of that branch\n{}",
                line, String.join(", ", USERNAMES), password, line);
    }

    /** 16 characters from all four classes (R9.6), without look-alike characters. */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String digits = "23456789";
        String symbols = "!#%+=?@";
        String all = upper + lower + digits + symbols;
        List<Character> chars = new ArrayList<>();
        for (String set : List.of(upper, upper, lower, lower, digits, digits, symbols)) {
            chars.add(set.charAt(random.nextInt(set.length())));
        }
        while (chars.size() < 16) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
