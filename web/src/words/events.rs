//! The audit log's events in words, for the log page.

use crate::words::lang::Lang;

/// What a staff event of the log means, in words.
pub fn event_words(lang: Lang, event: &str) -> String {
    let exception = event.strip_prefix("exception-").and_then(zz_log::case::ExceptionKind::parse);
    let words = match (event, exception) {
        (_, Some(k)) => return format!("{}{}", lang.t("例外：", "Exception: "), lang.t(k.zh(), k.en())),
        ("reveal", _) => lang.t("显示完整证件号码", "Full ID number shown"),
        ("identity-checked", _) => lang.t("已核验身份证件", "Identity document checked"),
        ("case-complete", _) => lang.t("办件完成", "Case complete"),
        ("case-complete-with-exceptions", _) => lang.t("办件完成（含例外）", "Case complete with exceptions"),
        ("objection", _) => lang.t("异议核查申请", "Objection request"),
        ("pruned", _) => lang.t("之前的记录已清空（留有签名说明）", "Earlier entries cleared (a signed note remains)"),
        ("sign-in", _) => lang.t("登录", "Signed in"),
        ("sign-out", _) => lang.t("退出登录", "Signed out"),
        ("sign-in-refused", _) => lang.t("登录被拒绝（工号或 PIN 不正确）", "Sign-in refused (wrong number or PIN)"),
        ("staff-added", _) => lang.t("添加工作人员账号", "Staff account added"),
        ("staff-removed", _) => lang.t("删除工作人员账号", "Staff account removed"),
        ("staff-pin-reset", _) => lang.t("重设工作人员 PIN", "Staff PIN reset"),
        ("staff-pin-changed", _) => lang.t("修改本人 PIN", "Own PIN changed"),
        ("trust-import", _) => lang.t("导入信任数据", "Trust data imported"),
        ("trust-import-refused", _) => lang.t("拒绝导入信任数据", "Trust data import refused"),
        ("setting", _) => lang.t("修改用证单位与窗口设置", "Site settings changed"),
        ("roots-adopted", _) => lang.t("采用新的根密钥", "New roots adopted"),
        ("roots-adoption-refused", _) => lang.t("采用新的根密钥失败", "Adopting new roots failed"),
        ("log-export", _) => lang.t("导出核验记录", "Log exported"),
        ("kiosk-left", _) => lang.t("退出自助模式", "Kiosk mode left"),
        ("drill-start", _) => lang.t("开始模拟办事", "Drill started"),
        ("drill-end", _) => lang.t("结束模拟办事", "Drill ended"),
        (other, _) => other,
    };
    words.to_owned()
}
