package demo

import (
	"fmt"
	"strings"

	"hezuo"
)

// townTable lists 汪清县's townships (real names and statistical codes) with
// the villages the demo gives each. Village names are made up but typical of
// the area, and unique in the county; village codes are the township code
// followed by 201, 202, … in this order.
var townTable = []struct {
	code, name string
	villages   []string
}{
	{"222424100", "汪清镇", []string{"东新村", "长荣村", "大川村", "新民村", "北大村", "南阳村", "和平村", "东振村", "西大坡村", "河北村", "河南村", "平安村", "光明村", "新安村"}},
	{"222424101", "大兴沟镇", []string{"大兴村", "新华村", "红日村", "蔡家沟村", "东兴村", "和睦村", "前进村", "兴隆村", "太阳村", "八人沟村", "影壁村", "红光村", "新农村"}},
	{"222424102", "天桥岭镇", []string{"天桥村", "上屯村", "下屯村", "东明村", "向阳村", "柳树河村", "马鹿沟村", "荒沟村", "永安村", "青林村", "九佛村", "金沟村"}},
	{"222424103", "罗子沟镇", []string{"罗子沟村", "绥芬村", "太平村", "新田村", "上河村", "大坎子村", "东山村", "三合村", "四合村", "西南岔村", "兴安村", "丰收村"}},
	{"222424104", "百草沟镇", []string{"百草村", "新兴村", "仲坪村", "庙岭村", "北星村", "南山村", "永丰村", "庆丰村", "德新村", "团结村", "胜利村", "安田村", "东沟村", "西沟村"}},
	{"222424105", "春阳镇", []string{"春阳村", "双河村", "西崴子村", "杜荒子村", "细鳞河村", "长安村", "龙泉村", "清泉村", "五星村", "新建村", "碧水村"}},
	{"222424106", "复兴镇", []string{"复兴村", "兰家村", "红旗村", "民主村", "群力村", "曙光村", "朝阳村", "幸福村", "东胜村", "新胜村", "六合村"}},
	{"222424107", "东光镇", []string{"东光村", "东河村", "西河村", "河东村", "河西村", "桃源村", "西安村", "富兴村", "十里坪村", "满河村", "长胜村", "合心村"}},
	{"222424200", "鸡冠乡", []string{"鸡冠村", "三道村", "二道村", "西北沟村", "小汪清村", "大房子村", "石头村", "安山村", "红星村"}},
}

// deptTable lists the county's agriculture-related departments and the
// industries each answers for (domain-rules.md, "Managing organization").
var deptTable = []struct {
	code, name, party string
	industries        []string
}{
	{"NYJ", "县农业农村局", "县农业农村局机关党委", []string{"种植", "蔬菜", "水稻", "大豆", "玉米", "黑木耳", "食用菌", "果蔬", "人参", "中药材", "烟叶"}},
	{"LYJ", "县林业局", "县林业局机关党委", []string{"林产品", "林下经济", "山野菜", "林蛙", "苗木", "蜂业"}},
	{"NJZ", "县农机总站", "县农机总站党支部", []string{"农机"}},
	{"XMJ", "县畜牧兽医局", "县畜牧兽医局党支部", []string{"畜牧", "养殖", "肉牛", "生猪", "黄牛", "养羊", "家禽"}},
	{"SLJ", "县水利局", "县水利局机关党支部", []string{"水产", "渔业"}},
	{"GXS", "县供销社", "县供销社党支部", []string{"农资", "流通", "电商"}},
}

// unmappedIndustries are industries no department answers for; the demo
// gives them only to orgs inside one village, which need no department.
var unmappedIndustries = map[string]bool{"乡村旅游": true, "民俗餐饮": true}

// weighted is an item with a relative weight.
type weighted struct {
	item   string
	weight int
}

// coopIndustries and assocIndustries weight the industries of cooperatives
// and associations; 汪清 is known for its 黑木耳.
var (
	coopIndustries = []weighted{
		{"黑木耳", 14}, {"农机", 5}, {"水稻", 5}, {"大豆", 4}, {"玉米", 4}, {"蔬菜", 4}, {"食用菌", 4},
		{"人参", 3}, {"中药材", 3}, {"肉牛", 5}, {"黄牛", 3}, {"生猪", 3}, {"家禽", 2}, {"林蛙", 3},
		{"蜂业", 3}, {"山野菜", 3}, {"林产品", 3}, {"苗木", 2}, {"果蔬", 2}, {"水产", 2}, {"电商", 2}, {"乡村旅游", 2},
	}
	assocIndustries = []weighted{
		{"黑木耳", 12}, {"蔬菜", 5}, {"果蔬", 4}, {"烟叶", 3}, {"人参", 3}, {"中药材", 3}, {"种植", 3},
		{"肉牛", 5}, {"养羊", 3}, {"畜牧", 3}, {"养殖", 3}, {"生猪", 2}, {"林下经济", 4}, {"山野菜", 4},
		{"蜂业", 4}, {"林蛙", 3}, {"渔业", 2}, {"农资", 2}, {"流通", 2}, {"电商", 2}, {"民俗餐饮", 2},
	}
)

// industryNoun turns an industry into the words an org name uses for it.
var industryNoun = map[string]string{
	"肉牛": "肉牛养殖", "黄牛": "黄牛养殖", "生猪": "生猪养殖", "家禽": "家禽养殖", "养羊": "养羊",
	"林蛙": "林蛙养殖", "人参": "人参种植", "中药材": "中药材种植", "烟叶": "烟叶种植", "蜂业": "养蜂",
	"水产": "水产养殖", "渔业": "渔业", "畜牧": "畜牧", "养殖": "特色养殖", "种植": "种植",
	"苗木": "苗木培育", "电商": "农村电商", "流通": "农产品流通", "果蔬": "果蔬", "玉米": "玉米种植",
	"大豆": "大豆种植", "水稻": "水稻种植",
}

func noun(industry string) string {
	if n, ok := industryNoun[industry]; ok {
		return n
	}
	return industry
}

// short drops a division name's last character (村, 镇 or 乡): 东新村 → 东新.
func short(name string) string {
	r := []rune(name)
	if len(r) > 2 {
		return string(r[:len(r)-1])
	}
	return name
}

// Surnames and given-name characters. Korean-Chinese (朝鲜族) families make
// up about a third of 汪清's people.
var (
	hanSurnames = []weighted{
		{"王", 12}, {"李", 12}, {"张", 11}, {"刘", 10}, {"陈", 5}, {"杨", 5}, {"赵", 6}, {"孙", 5}, {"于", 4},
		{"周", 3}, {"吴", 3}, {"徐", 3}, {"马", 3}, {"高", 3}, {"郭", 3}, {"田", 2}, {"董", 2}, {"姜", 2},
		{"宋", 2}, {"曲", 2}, {"曹", 2}, {"邵", 1}, {"谭", 1}, {"常", 1}, {"苏", 1}, {"蔡", 1}, {"付", 2},
		{"丁", 1}, {"孟", 1}, {"韩", 2}, {"冯", 1}, {"杜", 1}, {"任", 1}, {"潘", 1}, {"白", 1}, {"姚", 1},
	}
	koreanSurnames = []weighted{
		{"金", 20}, {"李", 14}, {"朴", 12}, {"崔", 8}, {"郑", 4}, {"姜", 3}, {"赵", 3}, {"韩", 3}, {"申", 2},
		{"许", 2}, {"全", 2}, {"南", 1}, {"玄", 1}, {"池", 1}, {"俞", 1}, {"洪", 1}, {"文", 1}, {"安", 1},
	}
	hanMale      = []rune("国建明志军伟强海东春德文成立永庆福广宝林峰刚辉勇亮波超杰鹏学华金玉平忠义生财山江民兴旭宇新树利喜长贵")
	hanFemale    = []rune("丽霞娟秀英华红玲芳艳燕梅琴兰凤云洁静敏丹萍春桂淑珍莉晶雪慧颖")
	koreanMale   = []rune("哲永成光日浩东南赫洙镐范虎龙铁吉万昌植锡奎今俊善明勋京国石天")
	koreanFemale = []rune("英顺玉善美贞淑今花姬子兰爱香月仙莲福春锦实明丽惠信")
)

// neighbourAddresses are address codes of neighbouring counties (图们, 敦化,
// 珲春) for the few members born elsewhere.
var neighbourAddresses = []string{"222402", "222403", "222404"}

// instructorUnits are where township cadres sent as instructors work.
var instructorUnits = []string{"党政综合办公室", "农业服务中心", "社会事务办公室", "经济发展办公室", "组织办"}

func join(parts ...string) string { return strings.Join(parts, "") }

// brands are words cooperatives put in their names (东新富康, 绥芬…).
var brands = []string{"", "", "富民", "兴农", "丰源", "绿源", "鑫达", "宏达", "众兴", "金穗", "益农", "康源", "长青", "福兴", "吉祥", "山珍"}

// orgName makes a unique realistic name: "<村名><品牌><产业>专业合作社" for a
// cooperative (the township's name when it spans villages, 汪清县 when it
// spans townships), "<村/镇名><产业>协会" for an association.
func (b *builder) orgName(o *orgPlan) string {
	home, ind := o.villages[0], noun(o.Industry)
	place := map[span]string{spanVillage: home.name, spanTownship: o.town.name, spanCounty: "汪清县"}[o.span]
	var cands []string
	if o.Kind == hezuo.KindAssociation {
		cands = append(cands, join(place, ind, "协会"), join(place, ind, "产业协会"), join(place, "特色", ind, "协会"))
	}
	if o.span == spanVillage {
		place = short(home.name)
	}
	for try := 0; try < 40; try++ {
		suffix := "专业合作社"
		if o.Kind == hezuo.KindAssociation {
			suffix = "协会"
		}
		cands = append(cands, join(place, brands[b.r.IntN(len(brands))], ind, suffix))
	}
	for _, c := range cands {
		if !b.names[c] {
			return c
		}
	}
	panic(fmt.Sprintf("demo: no free name for %s %s", home.name, o.Industry))
}
