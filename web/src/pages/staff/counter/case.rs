//! The case as the counter keeps it: its matter, who it is for, each
//! license needed and how it was resolved; its changes as actions (a
//! reducer), and its record.

use std::rc::Rc;

use yew::prelude::*;
use zz_core::model::{Matter, same_id};
use zz_core::{Report, UnixTime, Verdict};
use zz_log::case::{self, CaseOutcome, CaseRecord, Exception};

use crate::services::clock;
use crate::services::trust::Trust;
use crate::services::verification::Source;
use crate::words::lang::Lang;

/// One verified license of the case, with the object verified.
#[derive(Clone)]
pub(super) struct Presented {
    pub(super) report: Rc<Report>,
    pub(super) source: Source,
    pub(super) object: Rc<Vec<u8>>,
}

impl PartialEq for Presented {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// A person or organisation of the case, as the clerk confirmed it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Party {
    pub(super) name: String,
    pub(super) id_type: String,
    pub(super) id: String,
}

#[derive(Clone, Default, PartialEq)]
pub(super) struct Row {
    pub(super) presented: Option<Presented>,
    pub(super) exception: Option<Exception>,
}

/// The case: its matter, who it is for, and each needed license.
#[derive(Clone, PartialEq)]
pub(super) struct Case {
    pub(super) id: String,
    pub(super) matter: Option<Rc<Matter>>,
    pub(super) started: UnixTime,
    pub(super) applicant: Option<Party>,
    pub(super) agent: Option<Party>,
    pub(super) identity: Option<UnixTime>,
    pub(super) rows: Vec<Row>,
    /// A license no row of the matter needs.
    pub(super) extra: Option<Presented>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            id: String::new(),
            matter: None,
            started: UnixTime::from_secs(0),
            applicant: None,
            agent: None,
            identity: None,
            rows: Vec::new(),
            extra: None,
        }
    }
}

pub(super) enum Action {
    New(Option<Rc<Matter>>),
    People(Option<Party>, Option<Party>),
    Identity(bool),
    Verified(Presented),
    /// The license of a row verified again (for new people): kept only
    /// if the row still holds that object.
    Again(usize, Presented),
    Exception(usize, Option<Exception>),
}

impl Reducible for Case {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut c = (*self).clone();
        match action {
            Action::New(matter) => {
                let now = clock::now();
                c = Case {
                    id: new_case_id(now),
                    rows: vec![Row::default(); matter.as_ref().map_or(0, |m| m.needs.len())],
                    matter,
                    started: now,
                    ..Case::default()
                };
            }
            Action::People(applicant, agent) => {
                c.applicant = applicant;
                c.agent = agent;
                c.identity = None;
            }
            Action::Identity(on) => c.identity = on.then(clock::now),
            Action::Verified(p) => {
                let needs = c.matter.as_ref().map(|m| m.needs.clone()).unwrap_or_default();
                let type_code = p.report.license.as_ref().map(|l| l.type_code.clone());
                match type_code.and_then(|t| needs.iter().position(|n| n.type_code == t)) {
                    Some(i) => {
                        if let Some(row) = c.rows.get_mut(i) {
                            row.presented = Some(p);
                        }
                        c.extra = None;
                    }
                    None => c.extra = Some(p),
                }
            }
            Action::Again(i, p) => {
                if let Some(row) = c.rows.get_mut(i)
                    && row.presented.as_ref().is_some_and(|old| Rc::ptr_eq(&old.object, &p.object))
                {
                    row.presented = Some(p);
                }
            }
            Action::Exception(i, e) => {
                if let Some(row) = c.rows.get_mut(i) {
                    row.exception = e;
                }
            }
        }
        Rc::new(c)
    }
}

/// A case number: the start time (China Standard Time) and a random part.
pub(super) fn new_case_id(now: UnixTime) -> String {
    let mut r = [0u8; 3];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut r);
    }
    let date = zz_core::dates::CstDate::of_instant(now).map(|d| d.to_string().replace('-', "")).unwrap_or_default();
    let (h, m, s) = crate::services::clock::cst_time_of_day(now);
    format!("{date}-{h:02}{m:02}{s:02}-{}", zz_core::envelope::hex(&r))
}

impl Case {
    /// The ID of the person presenting the licenses: the agent when there
    /// is one (the core checks the copy names them), else the applicant.
    pub(super) fn presenter(&self) -> Option<String> {
        self.agent.as_ref().or(self.applicant.as_ref()).map(|p| p.id.trim().to_owned())
    }

    /// Why the license of row `i` cannot count for this case although the
    /// core may find it valid: it is not the applicant's, or (before the
    /// applicant is named) another row's license is someone else's.
    pub(super) fn holder_problem(&self, i: usize, lang: Lang) -> Option<String> {
        let holder = |r: &Row| r.presented.as_ref().and_then(|p| p.report.license.as_ref()).map(|l| l.holder.clone());
        let mine = holder(self.rows.get(i)?)?;
        if let Some(a) = &self.applicant {
            return (!same_id(&mine.id, &a.id)).then(|| {
                let who = zz_log::mask_holder(&mine);
                match lang {
                    Lang::Zh => format!("持证人（{who}）不是办事主体：不能用于本办件"),
                    Lang::En => format!("The holder ({who}) is not the applicant: it cannot count for this case"),
                }
            });
        }
        let other = self.rows.iter().filter_map(holder).find(|h| !same_id(&h.id, &mine.id))?;
        let who = zz_log::mask_holder(&other);
        Some(match lang {
            Lang::Zh => format!("与另一份证照的持证人（{who}）不是同一人：请确认办事主体"),
            Lang::En => format!("Not the same holder as another license ({who}): name the applicant"),
        })
    }

    pub(super) fn row_resolved(&self, i: usize) -> bool {
        let Some(row) = self.rows.get(i) else { return false };
        row.exception.is_some()
            || row.presented.as_ref().is_some_and(|p| p.report.verdict == Verdict::Valid)
                && self.holder_problem(i, Lang::En).is_none()
    }

    pub(super) fn outcome(&self) -> CaseOutcome {
        let all = !self.rows.is_empty() && (0..self.rows.len()).all(|i| self.row_resolved(i));
        if self.matter.is_none() || self.applicant.is_none() || self.identity.is_none() || !all {
            CaseOutcome::Incomplete
        } else if self.rows.iter().any(|r| r.exception.is_some()) {
            CaseOutcome::CompleteWithExceptions
        } else {
            CaseOutcome::Complete
        }
    }

    /// The record of the case (print and JSON).
    pub(super) fn record(&self, t: &Trust, site: &crate::services::site::Site) -> Option<CaseRecord> {
        let m = self.matter.as_ref()?;
        let party = |p: &Party| case::Party::masked(&p.name, &p.id_type, &p.id);
        let rows: Vec<case::Row> = m
            .needs
            .iter()
            .zip(&self.rows)
            .map(|(need, row)| case::Row {
                needed_type: need.type_code.clone(),
                annotated_required: need.annotated,
                verified: row.presented.as_ref().map(|p| case::Verified::of(&p.report, &p.object)),
                exception: row.exception.clone(),
            })
            .collect();
        Some(CaseRecord {
            format: case::FORMAT.into(),
            id: self.id.clone(),
            started: self.started,
            recorded: clock::now(),
            org: site.org.clone(),
            hall: site.hall.clone(),
            window: site.window.clone(),
            matter: zz_core::model::Named { name: m.name.clone(), code: m.code.clone() },
            applicant: self.applicant.as_ref().map(party).unwrap_or_else(|| party(&Party::default())),
            agent: self.agent.as_ref().map(party),
            identity_checked: self.identity,
            outcome: self.outcome(),
            exceptions: CaseRecord::exceptions_of(&rows),
            trust_seq: t.bundle().trust.seq,
            catalog_seq: t.bundle().catalog.seq,
            licenses: rows,
        })
    }
}
