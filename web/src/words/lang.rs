//! Chinese first, English as a switch.

use zz_core::UnixTime;
use zz_core::dates::CstDate;
use zz_core::model::{FieldKind, HolderType, Level, Validity};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Picks the text of this language.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The `lang` attribute of the page.
    pub fn html_lang(self) -> &'static str {
        self.t("zh-CN", "en")
    }

    pub fn code(self) -> &'static str {
        self.t("zh", "en")
    }

    pub fn from_code(s: &str) -> Lang {
        if s == "en" { Lang::En } else { Lang::Zh }
    }

    /// `2026年11月22日` / `2026-11-22`.
    pub fn date(self, d: CstDate) -> String {
        match self {
            Lang::Zh => d.zh(),
            Lang::En => d.to_string(),
        }
    }

    /// A date given as text: shown in this language when it is a date.
    pub fn date_text(self, s: &str) -> String {
        CstDate::parse(s).map_or_else(|| s.to_owned(), |d| self.date(d))
    }

    /// An instant in China Standard Time.
    pub fn instant(self, t: UnixTime) -> String {
        match self {
            Lang::Zh => t.zh(),
            Lang::En => t.en(),
        }
    }

    /// The trust data's version and age, as the header and the kiosk show
    /// it: "信任数据第 7 版 · 3 天前签发".
    pub fn trust_age(self, s: &zz_core::TrustSummary) -> String {
        match self {
            Lang::Zh => format!("信任数据第 {} 版 · {}前签发", s.trust_seq, self.age(s.age_seconds)),
            Lang::En => format!("Trust data seq {} · signed {} ago", s.trust_seq, self.age(s.age_seconds)),
        }
    }

    /// What a verification was checked against, under its result.
    pub fn checked_against(self, s: &zz_core::TrustSummary) -> String {
        match self {
            Lang::Zh => format!(
                "依据信任数据第 {} 版（{}前签发），目录第 {} 版。",
                s.trust_seq,
                self.age(s.age_seconds),
                s.catalog_seq
            ),
            Lang::En => format!(
                "Checked against trust data seq {} (signed {} ago), catalog seq {}.",
                s.trust_seq,
                self.age(s.age_seconds),
                s.catalog_seq
            ),
        }
    }

    /// A duration in seconds as "3 天" / "3 days".
    pub fn age(self, seconds: i64) -> String {
        let s = seconds.unsigned_abs();
        let (n, zh, en) = if s >= 86_400 {
            (s / 86_400, "天", "days")
        } else if s >= 3600 {
            (s / 3600, "小时", "hours")
        } else {
            (s / 60, "分钟", "minutes")
        };
        match self {
            Lang::Zh => format!("{n} {zh}"),
            Lang::En => format!("{n} {en}"),
        }
    }

    pub fn level(self, l: Level) -> &'static str {
        match l {
            Level::National => self.t("国家级", "National"),
            Level::Province => self.t("省级", "Provincial"),
            Level::City => self.t("市级", "City"),
            Level::District => self.t("区县级", "District"),
        }
    }

    pub fn holder(self, h: HolderType) -> &'static str {
        match h {
            HolderType::Person => self.t("自然人", "Person"),
            HolderType::Legal => self.t("法人", "Legal person"),
            HolderType::Other => self.t("其他组织", "Other organisation"),
        }
    }

    pub fn validity(self, v: Validity) -> &'static str {
        match v {
            Validity::Fixed => self.t("有固定有效期", "Fixed term"),
            Validity::LongTerm => self.t("长期有效", "Long-term"),
            Validity::Either => self.t("固定期限或长期", "Fixed or long-term"),
        }
    }

    pub fn field_kind(self, k: FieldKind) -> &'static str {
        match k {
            FieldKind::Text => self.t("文本", "Text"),
            FieldKind::Date => self.t("日期", "Date"),
            FieldKind::Number => self.t("数字", "Number"),
            FieldKind::Id => self.t("代码", "Code"),
            FieldKind::Enum => self.t("选项", "Choice"),
        }
    }
}
