package io.zhibu.demo;

import java.util.List;

/**
 * Real GB/T 2260 areas of Henan (河南省) used by the generator, and pools of plausible place names for townships,
 * streets, communities, villages, roads and housing compounds.
 */
final class Places {
    static final String PROVINCE = "河南省";

    /**
     * A county-level area (县, 县级市 or 区). {@code urban} districts are mostly streets and communities;
     * {@code townships} and {@code streets} are real names where known, otherwise drawn from the pools.
     */
    record Area(String name, String code, boolean urban, List<String> townships, List<String> streets) {
        Area(String name, String code, boolean urban) {
            this(name, code, urban, List.of(), List.of());
        }

        /** 县, 区 or 市: the level character used in unit names such as 县委办公室. */
        String level() {
            return name.substring(name.length() - 1);
        }
    }

    /** A prefecture-level city (地级市) with its county-level areas. */
    record City(String name, String code, List<Area> areas) {
        /** 洛阳 for 洛阳市. */
        String shortName() {
            return name.substring(0, name.length() - 1);
        }

        List<String> areaCodes() {
            return areas.stream().map(Area::code).toList();
        }
    }

    /** The demo county 修武县 (焦作市) with its real townships; the street is the demo's urban area. */
    static final Area XIUWU = new Area("修武县", "410821", false,
            List.of("城关镇", "七贤镇", "郇封镇", "周庄镇", "云台山镇", "王屯乡", "五里源乡", "岸上乡", "西村乡"),
            List.of("竹林街道"));

    static final City JIAOZUO = new City("焦作市", "410800", List.of(
            new Area("解放区", "410802", true), new Area("中站区", "410803", true), new Area("马村区", "410804", true),
            new Area("山阳区", "410811", true), XIUWU, new Area("博爱县", "410822", false),
            new Area("武陟县", "410823", false), new Area("温县", "410825", false), new Area("沁阳市", "410882", false),
            new Area("孟州市", "410883", false)));

    /** Cities for the benchmark data, each with its own ID-number region codes (so runs never collide). */
    static final List<City> BENCHMARK_CITIES = List.of(
            new City("洛阳市", "410300", List.of(
                    new Area("老城区", "410302", true), new Area("西工区", "410303", true),
                    new Area("瀍河回族区", "410304", true), new Area("涧西区", "410305", true),
                    new Area("洛龙区", "410311", true), new Area("偃师区", "410307", false),
                    new Area("孟津区", "410308", false), new Area("新安县", "410323", false),
                    new Area("栾川县", "410324", false), new Area("嵩县", "410325", false),
                    new Area("汝阳县", "410326", false), new Area("宜阳县", "410327", false),
                    new Area("洛宁县", "410328", false), new Area("伊川县", "410329", false))),
            new City("新乡市", "410700", List.of(
                    new Area("红旗区", "410702", true), new Area("卫滨区", "410703", true),
                    new Area("凤泉区", "410704", true), new Area("牧野区", "410711", true),
                    new Area("新乡县", "410721", false), new Area("获嘉县", "410724", false),
                    new Area("原阳县", "410725", false), new Area("延津县", "410726", false),
                    new Area("封丘县", "410727", false), new Area("卫辉市", "410781", false),
                    new Area("辉县市", "410782", false), new Area("长垣市", "410783", false))),
            new City("南阳市", "411300", List.of(
                    new Area("宛城区", "411302", true), new Area("卧龙区", "411303", true),
                    new Area("南召县", "411321", false), new Area("方城县", "411322", false),
                    new Area("西峡县", "411323", false), new Area("镇平县", "411324", false),
                    new Area("内乡县", "411325", false), new Area("淅川县", "411326", false),
                    new Area("社旗县", "411327", false), new Area("唐河县", "411328", false),
                    new Area("新野县", "411329", false), new Area("桐柏县", "411330", false),
                    new Area("邓州市", "411381", false))));

    /**
     * The other prefecture-level cities of Henan with their county-level areas (GB/T 2260), so that the province
     * benchmark ({@link #provinceCities()}) has all seventeen cities (济源, a directly administered county-level
     * city, is left out).
     */
    private static final List<City> OTHER_CITIES = List.of(
            new City("郑州市", "410100", List.of(new Area("中原区", "410102", true), new Area("二七区", "410103", true), new Area("管城回族区", "410104", true), new Area("金水区", "410105", true), new Area("上街区", "410106", true), new Area("惠济区", "410108", true), new Area("中牟县", "410122", false), new Area("巩义市", "410181", false), new Area("荥阳市", "410182", false), new Area("新密市", "410183", false), new Area("新郑市", "410184", false), new Area("登封市", "410185", false))),
            new City("开封市", "410200", List.of(new Area("龙亭区", "410202", true), new Area("顺河回族区", "410203", true), new Area("鼓楼区", "410204", true), new Area("禹王台区", "410205", true), new Area("祥符区", "410212", false), new Area("杞县", "410221", false), new Area("通许县", "410222", false), new Area("尉氏县", "410223", false), new Area("兰考县", "410225", false))),
            new City("平顶山市", "410400", List.of(new Area("新华区", "410402", true), new Area("卫东区", "410403", true), new Area("石龙区", "410404", true), new Area("湛河区", "410411", true), new Area("宝丰县", "410421", false), new Area("叶县", "410422", false), new Area("鲁山县", "410423", false), new Area("郏县", "410425", false), new Area("舞钢市", "410481", false), new Area("汝州市", "410482", false))),
            new City("安阳市", "410500", List.of(new Area("文峰区", "410502", true), new Area("北关区", "410503", true), new Area("殷都区", "410505", true), new Area("龙安区", "410506", true), new Area("安阳县", "410522", false), new Area("汤阴县", "410523", false), new Area("滑县", "410526", false), new Area("内黄县", "410527", false), new Area("林州市", "410581", false))),
            new City("鹤壁市", "410600", List.of(new Area("鹤山区", "410602", true), new Area("山城区", "410603", true), new Area("淇滨区", "410611", true), new Area("浚县", "410621", false), new Area("淇县", "410622", false))),
            new City("濮阳市", "410900", List.of(new Area("华龙区", "410902", true), new Area("清丰县", "410922", false), new Area("南乐县", "410923", false), new Area("范县", "410926", false), new Area("台前县", "410927", false), new Area("濮阳县", "410928", false))),
            new City("许昌市", "411000", List.of(new Area("魏都区", "411002", true), new Area("建安区", "411003", false), new Area("鄢陵县", "411024", false), new Area("襄城县", "411025", false), new Area("禹州市", "411081", false), new Area("长葛市", "411082", false))),
            new City("漯河市", "411100", List.of(new Area("源汇区", "411102", true), new Area("郾城区", "411103", true), new Area("召陵区", "411104", true), new Area("舞阳县", "411121", false), new Area("临颍县", "411122", false))),
            new City("三门峡市", "411200", List.of(new Area("湖滨区", "411202", true), new Area("陕州区", "411203", false), new Area("渑池县", "411221", false), new Area("卢氏县", "411224", false), new Area("义马市", "411281", false), new Area("灵宝市", "411282", false))),
            new City("商丘市", "411400", List.of(new Area("梁园区", "411402", true), new Area("睢阳区", "411403", true), new Area("民权县", "411421", false), new Area("睢县", "411422", false), new Area("宁陵县", "411423", false), new Area("柘城县", "411424", false), new Area("虞城县", "411425", false), new Area("夏邑县", "411426", false), new Area("永城市", "411481", false))),
            new City("信阳市", "411500", List.of(new Area("浉河区", "411502", true), new Area("平桥区", "411503", true), new Area("罗山县", "411521", false), new Area("光山县", "411522", false), new Area("新县", "411523", false), new Area("商城县", "411524", false), new Area("固始县", "411525", false), new Area("潢川县", "411526", false), new Area("淮滨县", "411527", false), new Area("息县", "411528", false))),
            new City("周口市", "411600", List.of(new Area("川汇区", "411602", true), new Area("淮阳区", "411603", false), new Area("扶沟县", "411621", false), new Area("西华县", "411622", false), new Area("商水县", "411623", false), new Area("沈丘县", "411624", false), new Area("郸城县", "411625", false), new Area("太康县", "411627", false), new Area("鹿邑县", "411628", false), new Area("项城市", "411681", false))),
            new City("驻马店市", "411700", List.of(new Area("驿城区", "411702", true), new Area("西平县", "411721", false), new Area("上蔡县", "411722", false), new Area("平舆县", "411723", false), new Area("正阳县", "411724", false), new Area("确山县", "411725", false), new Area("泌阳县", "411726", false), new Area("汝南县", "411727", false), new Area("遂平县", "411728", false), new Area("新蔡县", "411729", false))));

    /** The seventeen prefecture-level cities of Henan, in GB/T 2260 order. */
    static List<City> provinceCities() {
        List<City> all = new java.util.ArrayList<>(OTHER_CITIES);
        all.addAll(BENCHMARK_CITIES);
        all.add(JIAOZUO);
        all.sort(java.util.Comparator.comparing(City::code));
        return all;
    }

    /** Township stems; the first township of a county is always 城关. */
    static final List<String> TOWNSHIP_STEMS = List.of("城郊", "白沙", "石桥", "柳林", "杨庄", "马店", "李村", "王屯",
            "高村", "龙泉", "青山", "双河", "三官庙", "五里堡", "十里铺", "红星", "朝阳", "东风", "新庄", "大营", "小店",
            "黄庄", "赵堡", "张村", "孙店", "马寨", "白鹤", "平乐", "会盟", "横水", "常袋", "古城", "回郭", "大口",
            "陈宅", "石寺", "庙子", "合峪", "潭头", "秋扒", "大章", "田湖", "车村", "白河", "寺庄", "北舞渡", "焦村",
            "王集", "桥头", "官庄", "付店", "留山", "赵村", "杜关", "马山口", "板场", "茶庵", "柿园", "安皋", "岭头",
            "石佛", "郭店", "薛店", "新集", "刘河", "土门", "段村", "槐树", "柳泉", "韩城");

    static final List<String> STREET_STEMS = List.of("东关", "西关", "南关", "北关", "解放路", "中州路", "道南路",
            "邙山", "唐宫路", "王城路", "金谷园", "洛北", "启明路", "春都路", "长安路", "珠江路", "天津路", "重庆路",
            "湖北路", "南昌路", "辽宁路", "武汉路", "徐家营", "工农", "瀍西", "塔湾", "北窑", "东花坛", "杨文",
            "华林", "同乐寨", "西南隅", "洛浦", "关林", "安乐", "开元路", "翠云路", "人民路", "新华路", "健康路",
            "胜利路", "文化路", "平原路", "和平路", "向阳路", "东街", "西街", "站前路");

    static final List<String> COMMUNITY_STEMS = List.of("幸福", "和平", "光明", "友谊", "阳光", "新华", "建设", "胜利",
            "文化", "青年", "朝阳", "东方", "金谷", "翠云", "牡丹", "龙门", "兴华", "民主", "团结", "向阳", "花园",
            "锦绣", "康乐", "丽景", "春晖", "紫荆", "银河", "书香", "博爱", "安居", "惠民", "福临", "瑞祥", "东苑",
            "西苑", "南苑", "北苑", "滨河", "府前", "站前", "新城", "春华", "秋实", "学府", "槐荫", "竹园", "清风",
            "明珠", "嘉园", "怡和");

    static final List<String> VILLAGE_SPECIAL = List.of("东关村", "西关村", "南关村", "北关村", "城关村", "十里铺村",
            "五里屯村", "红旗村", "新建村", "和平村", "胜利村", "光明村", "前进村", "东升村", "团结村", "新河村",
            "三里庄村", "八里营村", "双庙村", "大槐树村");
    static final List<String> VILLAGE_PREFIX = List.of("", "", "", "东", "西", "南", "北", "前", "后", "大", "小",
            "上", "下", "新", "老");
    static final List<String> VILLAGE_SURNAME = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "周", "吴", "孙",
            "郭", "马", "朱", "胡", "高", "郑", "宋", "许", "韩", "冯", "曹", "田", "董", "孟", "牛", "常", "申", "苏",
            "魏", "吕", "任", "崔", "贾", "闫", "段", "侯", "史", "郝", "武", "薛");
    static final List<String> VILLAGE_SUFFIX = List.of("庄", "村", "营", "屯", "寨", "堡", "店", "集", "坡", "岭",
            "沟", "湾", "河", "桥", "楼", "洼", "岗", "窑", "园", "圪垱");

    static final List<String> ROADS = List.of("人民路", "解放路", "建设路", "文化路", "和平路", "中原路", "迎宾大道",
            "新华路", "胜利路", "工业路", "东环路", "西环路", "南环路", "北环路", "山阳路", "朝阳路", "健康路",
            "育才路", "学府路", "长安路", "滨河路", "复兴路", "振兴路", "友谊路", "光明路", "团结路", "民主路",
            "青年路", "府前街", "东大街", "西大街", "南大街", "北大街", "竹林大道", "云台大道", "七贤路");

    static final List<String> COMPOUNDS = List.of("阳光花园", "幸福家园", "和谐家园", "锦绣华庭", "翡翠城", "盛世名门",
            "金水湾", "东方明珠", "世纪花园", "御景园", "水岸花城", "丽景嘉园", "学府名苑", "龙湖花园", "建业森林半岛",
            "建业桂园", "正商城", "滨河小区", "教师公寓", "供电小区", "税务局家属院", "县委家属院", "医院家属院",
            "粮食局家属院", "交通局家属院", "水利局家属院", "棉纺厂家属院", "化肥厂家属院", "电业局家属院");

    static final List<String> FIRM_WORDS = List.of("华兴", "宏达", "鑫源", "恒通", "瑞丰", "金地", "天成", "中原",
            "豫鑫", "兴业", "永辉", "博远", "德润", "泰和", "万通", "宏昌", "嘉禾", "福源", "隆盛", "金鼎", "鼎盛",
            "信诚", "昌盛", "荣达", "新宇", "聚源", "华瑞", "顺发", "海德", "正阳", "伟业", "通达", "丰华", "盛源");
    static final List<String> INDUSTRIES = List.of("科技", "食品", "建材", "机械制造", "物流", "纺织", "新材料",
            "农业开发", "商贸", "化工", "环保科技", "电子", "汽车零部件", "家具", "药业", "包装", "印刷",
            "生物科技", "电子商务", "建筑工程", "装饰工程", "铝业", "钢结构", "农牧", "面业", "饮品", "矿业");
    static final List<String> JOINT_ZONES = List.of("产业集聚区", "商贸物流园", "电子商务产业园", "小微企业创业园",
            "建材市场", "农贸市场", "快递物流行业", "餐饮行业", "民办教育机构", "民办医疗机构", "商务楼宇", "农民专业合作社");
    static final List<String> SOCIAL_ORGS = List.of("律师行业", "个体私营企业协会", "物流行业协会", "会计师行业",
            "建筑业协会", "老年协会", "慈善总会", "社会工作服务中心");
    static final List<String> PROJECTS = List.of("旅游公路改扩建项目", "南水北调配套工程", "老旧小区改造项目",
            "乡村振兴示范区建设项目", "高速公路连接线建设项目", "城区污水处理厂提标改造项目", "人民医院新院区建设项目",
            "黄河滩区居民迁建项目", "高标准农田建设项目");

    private Places() {
    }
}
