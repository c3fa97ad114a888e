//! The audit log's events in words, for the log page.

use zz_log::Event;

use crate::words::lang::Lang;

/// What a staff event of the log means, in words (its name when this
/// version does not know it).
pub fn event_words(lang: Lang, event: &str) -> String {
    let Some(known) = Event::parse(event) else { return event.to_owned() };
    let words = match known {
        Event::Exception(k) => return format!("{}{}", lang.t("例外：", "Exception: "), lang.t(k.zh(), k.en())),
        Event::Verify => event,
        Event::Reveal => lang.t("显示完整证件号码", "Full ID number shown"),
        Event::IdentityChecked => lang.t("已核验身份证件", "Identity document checked"),
        Event::CaseComplete => lang.t("办件完成", "Case complete"),
        Event::CaseCompleteWithExceptions => lang.t("办件完成（含例外）", "Case complete with exceptions"),
        Event::Objection => lang.t("异议核查申请", "Objection request"),
        Event::Pruned => lang.t("之前的记录已清空（留有签名说明）", "Earlier entries cleared (a signed note remains)"),
        Event::SignIn => lang.t("登录", "Signed in"),
        Event::SignOut => lang.t("退出登录", "Signed out"),
        Event::SignInRefused => lang.t("登录被拒绝（工号或 PIN 不正确）", "Sign-in refused (wrong number or PIN)"),
        Event::StaffAdded => lang.t("添加工作人员账号", "Staff account added"),
        Event::StaffRemoved => lang.t("删除工作人员账号", "Staff account removed"),
        Event::StaffPinReset => lang.t("重设工作人员 PIN", "Staff PIN reset"),
        Event::StaffPinChanged => lang.t("修改本人 PIN", "Own PIN changed"),
        Event::StaffPasskeyAdded => lang.t("添加安全密钥", "Security key added"),
        Event::StaffPasskeyRemoved => lang.t("删除安全密钥", "Security keys removed"),
        Event::StaffRoster => lang.t("工作人员名册（清理记录后重记）", "Staff roster (written again after pruning)"),
        Event::TrustImport => lang.t("导入信任数据", "Trust data imported"),
        Event::TrustImportRefused => lang.t("拒绝导入信任数据", "Trust data import refused"),
        Event::Setting => lang.t("修改用证单位与窗口设置", "Site settings changed"),
        Event::RootsAdopted => lang.t("采用新的根密钥", "New roots adopted"),
        Event::RootsAdoptionRefused => lang.t("采用新的根密钥失败", "Adopting new roots failed"),
        Event::LogExport => lang.t("导出核验记录", "Log exported"),
        Event::KioskLeft => lang.t("退出自助模式", "Kiosk mode left"),
        Event::DrillStart => lang.t("开始模拟办事", "Drill started"),
        Event::DrillEnd => lang.t("结束模拟办事", "Drill ended"),
    };
    words.to_owned()
}
