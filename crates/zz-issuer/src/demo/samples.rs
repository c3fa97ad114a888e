//! The demo samples as a table: what each one is, the verdict it gives and
//! the checks it exists for. The world builder (`mod.rs`) makes the signed
//! bytes of each; a test checks that every row is made exactly once.

use super::{Sample, SampleData};

/// One sample of the table.
pub struct Spec {
    pub name: &'static str,
    /// What the sample shows.
    pub zh: &'static str,
    pub en: &'static str,
    /// The verdict verifying it gives.
    pub expect: &'static str,
    /// The checks it exists for, with their expected outcome.
    pub checks: &'static [(&'static str, &'static str)],
}

impl Spec {
    /// The sample of this row with its bytes (verified at the world's
    /// time, against its bundle, with no matter).
    pub fn sample(&self, data: SampleData) -> Sample {
        Sample::new(self.name, self.zh, self.en, data, self.expect, self.checks.to_vec())
    }
}

/// Every sample made from a signed object at the world's time.
pub const SPECS: &[Spec] = &[
    Spec {
        name: "invalid-revoked",
        zh: "已注销的营业执照",
        en: "A revoked business licence",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "invalid-suspended",
        zh: "已停用的机动车驾驶证",
        en: "A suspended driving licence",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "valid-business-license",
        zh: "有效的营业执照（长期有效）",
        en: "A valid business licence (long-term)",
        expect: "valid",
        checks: &[
            ("decode", "pass"),
            ("structure", "pass"),
            ("signature", "pass"),
            ("signer-trusted", "pass"),
            ("signer-authorized", "pass"),
            ("signer-validity", "pass"),
            ("license-validity", "pass"),
            ("status", "pass"),
            ("catalog", "pass"),
            ("identifier", "pass"),
            ("holder-id", "pass"),
            ("bundle", "pass"),
            ("matter", "skip"),
        ],
    },
    Spec {
        name: "valid-driving-license",
        zh: "有效的机动车驾驶证（个人，公民身份号码）",
        en: "A valid driving licence (a person, resident ID)",
        expect: "valid",
        checks: &[("holder-id", "pass"), ("license-validity", "pass")],
    },
    Spec {
        name: "valid-marriage-certificate",
        zh: "有效的结婚证原件",
        en: "A valid marriage certificate (original)",
        expect: "valid",
        checks: &[],
    },
    Spec {
        name: "valid-real-estate-certificate",
        zh: "有效的不动产权证书原件",
        en: "A valid real estate title certificate (original)",
        expect: "valid",
        checks: &[],
    },
    Spec {
        name: "valid-expiring-soon",
        zh: "有效但即将到期的居住证（有效期警告）",
        en: "A valid residence permit that expires within 30 days (warning)",
        expect: "valid",
        checks: &[("license-validity", "warn")],
    },
    Spec {
        name: "valid-bad-identifier-check",
        zh: "有效，但证照标识校验位错误（仅警告）",
        en: "Valid, but the identifier's check character is wrong (warning only)",
        expect: "valid",
        checks: &[("identifier", "warn")],
    },
    Spec {
        name: "valid-bad-holder-id-check",
        zh: "有效，但持证人身份号码校验位错误（仅警告）",
        en: "Valid, but the holder's ID number has a wrong check character (warning only)",
        expect: "valid",
        checks: &[("holder-id", "warn")],
    },
    Spec {
        name: "valid-bad-holder-uscc-check",
        zh: "有效，但持证单位统一社会信用代码校验位错误（仅警告）",
        en: "Valid, but the holder's social credit code has a wrong check character (warning only)",
        expect: "valid",
        checks: &[("holder-id", "warn")],
    },
    Spec {
        name: "valid-issuer-code-differs",
        zh: "有效，但证照所载发证机关代码与签名单位不同（照面提示核实）",
        en: "Valid, but the issuer code on the license is not the signing organisation's (the face says to check it)",
        expect: "valid",
        checks: &[],
    },
    Spec {
        name: "invalid-superseded",
        zh: "已变更的食品经营许可证旧版本（存在更新版本）",
        en: "An old version of a food business licence: superseded",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "valid-new-version",
        zh: "变更后的新版本食品经营许可证（prev 指向旧版本）",
        en: "The new version of the food business licence (prev names the old one)",
        expect: "valid",
        checks: &[("status", "pass")],
    },
    Spec {
        name: "invalid-expired",
        zh: "已过有效期的食品经营许可证",
        en: "An expired food business licence",
        expect: "invalid",
        checks: &[("license-validity", "fail")],
    },
    Spec {
        name: "invalid-not-yet-valid",
        zh: "尚未生效的营业执照（2035年起有效）",
        en: "A business licence not valid until 2035",
        expect: "invalid",
        checks: &[("license-validity", "fail")],
    },
    Spec {
        name: "invalid-status-index-out-of-range",
        zh: "状态序号超出状态列表范围",
        en: "The status index is past the end of its list",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "indeterminate-no-status",
        zh: "未登记状态列表的营业执照：无法确认状态",
        en: "A business licence naming no status list: status unknown",
        expect: "indeterminate",
        checks: &[("status", "warn")],
    },
    Spec {
        name: "indeterminate-status-list-missing",
        zh: "状态列表不在信任数据中：无法确认状态",
        en: "Its status list is not in the trust data: status unknown",
        expect: "indeterminate",
        checks: &[("status", "warn")],
    },
    Spec {
        name: "indeterminate-stale-status",
        zh: "状态列表已过期：无法确认状态",
        en: "Its status list is stale: status unknown",
        expect: "indeterminate",
        checks: &[("status", "warn")],
    },
    Spec {
        name: "invalid-revoked-stale-list",
        zh: "状态列表已过期，但其中登记为已注销",
        en: "Revoked in a stale status list: still invalid",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "invalid-tampered",
        zh: "签发后被篡改的营业执照（法定代表人被改）",
        en: "A business licence altered after signing (legal representative changed)",
        expect: "invalid",
        checks: &[("signature", "fail")],
    },
    Spec {
        name: "invalid-bad-signature",
        zh: "签名值被改动的营业执照",
        en: "A business licence whose signature bytes were changed",
        expect: "invalid",
        checks: &[("signature", "fail")],
    },
    Spec {
        name: "invalid-unknown-signer",
        zh: "由不在信任列表中的密钥签发",
        en: "Signed by a key that is not in the trust list",
        expect: "invalid",
        checks: &[("signer-trusted", "fail"), ("signature", "skip")],
    },
    Spec {
        name: "invalid-wrong-role",
        zh: "由只能制作加注件的密钥签发的证照",
        en: "A licence signed by a key that may only make annotated copies",
        expect: "invalid",
        checks: &[("signer-trusted", "fail"), ("signature", "skip")],
    },
    Spec {
        name: "invalid-unauthorized-type",
        zh: "卫健委密钥签发的营业执照（无权签发该类型）",
        en: "A business licence signed by the health commission's key (not authorised for the type)",
        expect: "invalid",
        checks: &[("signer-authorized", "fail"), ("signature", "pass")],
    },
    Spec {
        name: "invalid-signer-expired",
        zh: "由已过期的密钥签发（签名时密钥已失效）",
        en: "Signed by a key after the end of its validity",
        expect: "invalid",
        checks: &[("signer-validity", "fail"), ("signature", "pass")],
    },
    Spec {
        name: "invalid-signer-revoked",
        zh: "由已吊销的密钥在吊销后签发",
        en: "Signed by a key after it was revoked",
        expect: "invalid",
        checks: &[("signer-validity", "fail")],
    },
    Spec {
        name: "invalid-signed-in-future",
        zh: "签名时间在未来（2035年）",
        en: "Signed in the future (2035)",
        expect: "invalid",
        checks: &[("signer-validity", "fail")],
    },
    Spec {
        name: "invalid-not-in-catalog",
        zh: "证照类型不在证照目录中",
        en: "A licence whose type is not in the catalog",
        expect: "invalid",
        checks: &[("catalog", "fail")],
    },
    Spec {
        name: "invalid-missing-field",
        zh: "缺少必填照面项（经营范围、法定代表人）",
        en: "Required face fields are missing (scope, legal representative)",
        expect: "invalid",
        checks: &[("catalog", "fail")],
    },
    Spec {
        name: "valid-identifier-type-mismatch",
        zh: "有效，但证照标识中的类型与证照类型不一致（仅警告）",
        en: "Valid, but the identifier names another type (warning only)",
        expect: "valid",
        checks: &[("identifier", "warn")],
    },
    Spec {
        name: "invalid-structure-missing-key",
        zh: "缺少必需字段 no（证照编号）的证照",
        en: "A licence without its required key `no`",
        expect: "invalid",
        checks: &[("structure", "fail")],
    },
    Spec {
        name: "invalid-catalog-not-a-license",
        zh: "把证照目录当作证照出示（typ 不符）",
        en: "The catalog presented as a licence (wrong typ)",
        expect: "invalid",
        checks: &[("structure", "fail")],
    },
    Spec {
        name: "annotated-real-estate",
        zh: "不动产权证书加注件（未指定事项时核验）",
        en: "An annotated copy of a real estate certificate (verified without a matter)",
        expect: "valid",
        checks: &[("annotation-scope", "pass"), ("matter", "skip")],
    },
    Spec {
        name: "annotated-real-estate-other-holder",
        zh: "另一人（王丽华）的不动产权证书加注件，用于二手房买卖转移登记",
        en: "An annotated copy of another person's (王丽华) real estate certificate, for the property transfer",
        expect: "valid",
        checks: &[("annotation-scope", "pass")],
    },
    Spec {
        name: "annotated-window-expired",
        zh: "加注件已过其有效期",
        en: "An annotated copy whose window has ended",
        expect: "invalid",
        checks: &[("annotation-validity", "fail")],
    },
    Spec {
        name: "annotated-window-outside-license",
        zh: "加注件有效期超出证照有效期（证照已过期）",
        en: "An annotated copy whose window reaches past its (expired) licence",
        expect: "invalid",
        checks: &[("annotation-scope", "fail"), ("license-validity", "fail")],
    },
    Spec {
        name: "annotated-window-past-license-end",
        zh: "加注件有效期晚于证照到期日",
        en: "An annotated copy whose window ends after its licence does",
        expect: "invalid",
        checks: &[("annotation-scope", "fail"), ("license-validity", "warn")],
    },
    Spec {
        name: "annotated-untrusted-maker",
        zh: "由不可信密钥制作的加注件",
        en: "An annotated copy made by an untrusted key",
        expect: "invalid",
        checks: &[("annotation-signer", "fail"), ("annotation-signature", "skip")],
    },
    Spec {
        name: "annotated-maker-wrong-role",
        zh: "由发证密钥（无加注权限）制作的加注件",
        en: "An annotated copy made by an issue key (no annotate role)",
        expect: "invalid",
        checks: &[("annotation-signer", "fail")],
    },
    Spec {
        name: "annotated-tampered",
        zh: "加注件的用途被篡改",
        en: "An annotated copy whose purpose was altered",
        expect: "invalid",
        checks: &[("annotation-signature", "fail"), ("signature", "pass")],
    },
    Spec {
        name: "annotated-forged-license",
        zh: "对被篡改的证照制作的加注件",
        en: "An annotated copy made over an altered licence",
        expect: "invalid",
        checks: &[("signature", "fail"), ("annotation-signature", "pass")],
    },
    Spec {
        name: "annotated-revoked-license",
        zh: "已注销证照的加注件",
        en: "An annotated copy of a revoked licence",
        expect: "invalid",
        checks: &[("status", "fail")],
    },
    Spec {
        name: "annotated-nested",
        zh: "加注件内嵌的不是证照原件（内嵌加注件）",
        en: "An annotated copy wrapping another annotated copy",
        expect: "invalid",
        checks: &[("structure", "fail")],
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_is_made_exactly_once() {
        let w = super::super::world(super::super::DEFAULT_NOW);
        for spec in super::SPECS {
            let made = w.samples.iter().filter(|s| s.name == spec.name).count();
            assert_eq!(made, 1, "{}", spec.name);
        }
    }
}
