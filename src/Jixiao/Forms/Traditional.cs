using System.Text;

namespace Jixiao.Forms;

// Pages a mirror site converted to traditional characters: forms are written in simplified Chinese, so
// a grid whose labels are traditional is converted back before anything reads it. Only the characters
// of the forms' vocabulary and common words are listed (pairs: traditional, simplified); a grid is
// converted only when several label characters show it is traditional, so a simplified form with a
// stray traditional name stays as written.
public static class Traditional
{
    const string Pairs =
        "項项稱称門门實实單单資资總总額额財财撥拨績绩級级標标產产數数質质員员務务滿满訪访辦办廳厅處处與与發发際际" +
        "達达協协調调議议會会為为應应當当對对歸归據据價价評评況况劃划計计經经濟济費费運运維维護护網网絡络統统決决" +
        "問问題题糾纠紛纷積积訴诉導导監监檢检續续時时間间範范圍围幹干眾众蓋盖轉转結结複复較较於于並并從从來来萬万" +
        "億亿區区縣县鎮镇鄉乡專专預预編编報报聯联繫系電电話话負负責责屬属類类別别體体準准長长態态勢势現现關关內内" +
        "請请書书證证舉举擔担職职權权衛卫齊齐穩稳進进動动擁拥組组織织顧顾創创設设備备規规檔档機机構构個个樣样線线" +
        "壓压遲迟歷历舊旧傳传稅税獎奖勵励兩两筆笔優优紀纪錄录記记認认識识講讲訓训練练課课師师諮咨詢询節节點点場场" +
        "館馆廣广東东陝陕黃黄蘇苏遼辽寧宁閩闽貴贵雲云陰阴陽阳華华閱阅開开閉闭頭头顯显響响頁页順顺須须領领頻频風风" +
        "馬马驗验鬥斗農农邊边遞递遠远適适選选遺遗鄰邻醫医釋释錢钱鏈链錯错鍵键閒闲陳陈隊队階阶隨随險险隱隐雙双雜杂" +
        "難难靈灵頒颁類类飯饭養养餘余驅驱黨党齡龄龍龙買买賣卖貸贷賦赋購购贈赠趨趋車车軟软輕轻載载輪轮輸输鐘钟針针" +
        "愛爱覺觉變变擬拟殘残災灾戶户傷伤側侧備备僅仅億亿償偿優优儲储準准劃划劑剂勞劳勝胜區区協协卻却厲厉參参雙双" +
        "啟启員员圓圆團团園园圖图場场壞坏壯壮夠够夢梦奮奋嬰婴學学寶宝審审寫写將将尋寻導导層层屆届嶺岭幣币帶带幫帮" +
        "廢废廳厅彈弹彙汇後后徵征徹彻恆恒惡恶愛爱慣惯慮虑態态憑凭戰战擴扩損损揮挥換换據据擊击擺摆攜携敵敌數数斷断" +
        "暫暂曆历朧胧極极構构標标樓楼樂乐橫横檢检權权歡欢歲岁毀毁決决沒没潔洁減减測测湯汤滅灭漢汉潛潜澤泽濟济濕湿" +
        "灣湾無无煙烟熱热燈灯營营爭争牆墙狀状獨独獲获環环現现產产畫画畢毕疊叠癥症發发盡尽盤盘眾众矚瞩確确礎础禮礼" +
        "種种稱称穩稳窮穷競竞筆笔範范築筑糧粮紅红約约級级紙纸紹绍終终組组絕绝絡络給给統统絲丝綜综綠绿網网緊紧線线" +
        "編编緩缓練练縮缩績绩總总繁繁織织繼继續续罰罚羅罗聖圣聯联聲声職职聽听腦脑臨临與与興兴舉举艱艰莊庄萬万葉叶" +
        "蕭萧藝艺蘭兰處处虛虚號号補补裝装製制複复規规視视親亲覽览觀观計计訂订記记許许設设訴诉診诊證证評评詞词試试" +
        "詳详誌志語语誤误說说課课調调談谈請请諾诺謀谋講讲謝谢識识護护讀读變变讓让豐丰負负財财責责貧贫貨货質质資资" +
        "賓宾賠赔賬账賴赖贊赞趙赵跡迹躍跃軍军轄辖辦办這这違违遞递週周進进運运過过達达遷迁還还邊边郵邮鄉乡醫医釋释" +
        "鋪铺錄录鍛锻鎖锁鐵铁鑒鉴閃闪閣阁闊阔闡阐陸陆陽阳際际障障隸隶雜杂離离雞鸡電电震震靜静韌韧響响頂顶項项順顺" +
        "預预頓顿頗颇頻频顆颗題题額额顏颜願愿顧顾飄飘飲饮飽饱飾饰騰腾驚惊骯肮體体髮发鬧闹魯鲁鮮鲜鳳凤鹽盐麗丽齒齿";

    static readonly Dictionary<char, char> Map = BuildMap();

    static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
            if (Pairs[i] != Pairs[i + 1]) map.TryAdd(Pairs[i], Pairs[i + 1]);
        return map;
    }

    // Characters that appear in nearly every form's labels and exist only in traditional writing.
    const string Marks = "項稱門資額績標級產數質報單總";

    public static bool IsTraditional(CellGrid grid)
    {
        var seen = new HashSet<char>();
        foreach (var row in grid.Rows)
            for (var i = 0; i < row.Cells.Count; i++)   // an index: no boxed enumerator per row
                foreach (var c in row.Cells[i].Text)
                    if (Marks.Contains(c) && seen.Add(c) && seen.Count >= 3) return true;
        return false;
    }

    public static string ToSimplified(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
            if (Map.TryGetValue(text[i], out var s))
            {
                sb ??= new StringBuilder(text);
                sb[i] = s;
            }
        return sb?.ToString() ?? text;
    }

    // The same grid with every cell in simplified characters, places unchanged.
    public static CellGrid Simplify(CellGrid grid)
    {
        var result = new CellGrid { File = grid.File };
        foreach (var row in grid.Rows)
            result.Rows.Add(new GridRow(row.Where, row.Cells.Select(c => new Cell(ToSimplified(c.Text), c.Where)).ToList()));
        return result;
    }
}
