//! `terbuka site`: the citizen website, a static folder any host, USB
//! stick or intranet can serve, from the same views as the PDF reports.
//!
//! One tree per language (`id/`, `en/`), each with the home page, a page
//! per commitment and per institution, and the downloads; shared
//! `style.css`, the cited evidence under `files/` (copied, with its
//! SHA-256), the open data under `data/`, and the PDF reports already made
//! under `reports/`. Links are relative, so the site works from `file://`
//! and under any sub-path; no page needs JavaScript, and the
//! Content-Security-Policy of every page forbids scripts and anything
//! remote. Pages are rendered by minijinja with HTML auto-escaping
//! ([`html`]); charts are SVG drawn here ([`svg`]). [`build`] returns every
//! file, in order; the command writes them as one folder swapped into
//! place ([`crate::output::batch`]).
//!
//! One unit: `Site`'s methods make the pages of one site from one shared
//! state (the languages, the links, the downloads and the views of every
//! period); split by page, each file would pass that state around.

mod html;
mod pages;
pub mod svg;

use std::collections::BTreeMap;

use minijinja::{Value, context};
use serde::Serialize;
use sha2::Digest;

use crate::compare::Comparison;
use crate::engine::{Engine, JobError};
use crate::model::{Lang, Period};
use crate::msg;
use crate::report::view::{Hashes, Input, PeriodReport};
use pages::{CommitmentRow, Common, EvidenceLink, FeedbackView, LanguageLink, Links, PeriodHead};

/// Largest evidence file copied into the site.
const MAX_EVIDENCE_BYTES: u64 = 1 << 30;

/// One file of the site: its path below the site's folder, and its bytes.
pub type SiteFile = (String, Vec<u8>);

/// Every file of the site for the period `period` (the periods before it
/// give the history), in path order.
pub fn build(engine: &Engine, period: &str) -> Result<Vec<SiteFile>, JobError> {
    let ws = engine.workspace();
    let scores = engine.scores();
    let renderer = engine.renderer()?;
    let history = engine
        .periods()
        .into_iter()
        .take_while(|p| p.id != period)
        .chain(engine.period(period))
        .filter(|p| scores.period(&p.id).is_some())
        .collect::<Vec<_>>();
    let ids = history.iter().map(|p| p.id.as_str()).collect::<Vec<_>>();
    let hashes = engine.hashes(Some(&ids));

    let mut files = BTreeMap::<String, Vec<u8>>::new();
    // The evidence, hashed as copied: the page shows the copy's SHA-256.
    let mut copied = Hashes::new();
    for path in hashes.keys() {
        if let Ok(bytes) = crate::files::read(&ws.root, path, MAX_EVIDENCE_BYTES) {
            let sha = hex(&sha2::Sha256::digest(&bytes));
            copied.insert(path.clone(), (sha, bytes.len() as u64));
            files.insert(format!("files/{path}"), bytes);
        }
    }
    // The comparisons between consecutive periods, made once for both
    // languages.
    let comparisons = history
        .windows(2)
        .map(|w| engine.comparison(&w[0].id, &w[1].id, None, &hashes))
        .collect::<Result<Vec<Comparison>, _>>()?;
    let data = open_data(engine, &history)?;
    let reports = pdf_reports(engine, &history);
    let languages = languages(ws);
    let env = html::environment().map_err(template_error)?;
    for &lang in &languages {
        let strings = renderer.strings(lang)?;
        let input = Input::new(ws, scores, &strings, &copied);
        let views = history
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let change = i.checked_sub(1).map(|j| (history[j], &comparisons[j]));
                input.period_report(&p.id, change)
            })
            .collect::<Vec<_>>();
        let rows = views.iter().map(|v| v.institutions.iter().map(|r| (r.id.as_str(), r)).collect()).collect();
        let t = views.last().map(|v| ser(&v.t)).unwrap_or_default();
        let site =
            Site { input: &input, lang, languages: &languages, views: &views, rows, history: &history, env: &env, t };
        site.pages(&mut files, &data, &reports)?;
    }
    let first = languages.first().copied().unwrap_or(Lang::Id);
    let chooser = env
        .get_template("languages.html.j2")
        .and_then(|t| {
            let links = languages
                .iter()
                .map(|&l| LanguageLink {
                    code: l.code(),
                    name: pages::language_name(l).to_owned(),
                    href: format!("{}/index.html", l.code()),
                    current: false,
                    choose: pages::choose(l),
                    about: renderer.strings(l).map(|s| s.get("site.tagline")).unwrap_or_default(),
                })
                .collect::<Vec<_>>();
            let title =
                ws.manifest.as_ref().map(|m| m.value.action_plan.title.get(first).to_owned()).unwrap_or_default();
            t.render(context! { lang => first.code(), links => ser(&links), title => title })
        })
        .map_err(template_error)?;
    files.insert("index.html".to_owned(), chooser.into_bytes());
    files.insert("style.css".to_owned(), html::STYLE.as_bytes().to_vec());
    for (name, bytes) in data.files {
        files.insert(format!("data/{name}"), bytes);
    }
    for (name, bytes) in reports {
        files.insert(format!("reports/{name}"), bytes);
    }
    Ok(files.into_iter().collect())
}

/// The languages of the site: the workspace's, first language first, then
/// whichever of Indonesian and English it does not list (every output
/// exists in both).
fn languages(ws: &crate::load::Workspace) -> Vec<Lang> {
    let mut out = ws.manifest.as_ref().map(|m| m.value.languages.clone()).unwrap_or_default();
    for lang in [Lang::Id, Lang::En] {
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    out.dedup();
    out
}

/// A serialisable value for a template.
fn ser<T: Serialize + ?Sized>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn template_error(e: minijinja::Error) -> JobError {
    let e = e.to_string();
    JobError::Msg(msg!("a site template failed: {e}", "templat situs gagal: {e}"))
}

/// The open data as `export` writes it, for every period of the history.
struct OpenData {
    files: Vec<(String, Vec<u8>)>,
}

fn open_data(engine: &Engine, history: &[&Period]) -> Result<OpenData, JobError> {
    let mut records = crate::export::records(engine.scores(), None);
    let keep = |p: &String| history.iter().any(|h| &h.id == p);
    records.points.retain(|r| keep(&r.period));
    records.institutions.retain(|r| keep(&r.period));
    records.commitments.retain(|r| keep(&r.period));
    let xlsx = crate::export::xlsx(&records).map_err(|e| {
        let e = e.to_string();
        JobError::Msg(msg!("the spreadsheet cannot be written: {e}", "lembar kerja tidak dapat ditulis: {e}"))
    })?;
    Ok(OpenData {
        files: vec![
            ("points.csv".into(), crate::export::points_csv(&records.points).into_bytes()),
            ("institutions.csv".into(), crate::export::institutions_csv(&records.institutions).into_bytes()),
            ("commitments.csv".into(), crate::export::commitments_csv(&records.commitments).into_bytes()),
            ("points.json".into(), crate::export::json(&records.points).into_bytes()),
            ("institutions.json".into(), crate::export::json(&records.institutions).into_bytes()),
            ("commitments.json".into(), crate::export::json(&records.commitments).into_bytes()),
            ("terbuka.xlsx".into(), xlsx),
        ],
    })
}

/// The period reports already made (`out/report-<period>-<lang>.pdf`), read
/// as every workspace file is: a regular file inside the workspace.
fn pdf_reports(engine: &Engine, history: &[&Period]) -> Vec<(String, Vec<u8>)> {
    let root = &engine.workspace().root;
    let mut out = Vec::new();
    for p in history {
        for lang in [Lang::Id, Lang::En] {
            let name = format!("report-{}-{}.pdf", p.id, lang.code());
            if let Ok(bytes) = crate::files::read(root, &format!("out/{name}"), MAX_EVIDENCE_BYTES)
                && bytes.starts_with(b"%PDF-")
            {
                out.push((name, bytes));
            }
        }
    }
    out
}

/// One language's pages.
struct Site<'a> {
    input: &'a Input<'a>,
    lang: Lang,
    languages: &'a [Lang],
    /// The period report of every period of the history, oldest first.
    views: &'a [PeriodReport],
    /// Per view, its institutions' rows by id.
    rows: Vec<BTreeMap<&'a str, &'a crate::report::view::InstitutionRow>>,
    history: &'a [&'a Period],
    env: &'a minijinja::Environment<'static>,
    /// The fixed strings, made a template value once for every page.
    t: Value,
}

/// A downloadable file.
#[derive(Debug, Clone, Serialize)]
struct Download {
    name: String,
    href: String,
    size: String,
    sha256: Option<String>,
}

impl Site<'_> {
    fn current(&self) -> Option<&PeriodReport> {
        self.views.last()
    }

    /// What every page has; `rel` is the page's path below its language's
    /// folder.
    fn common(&self, rel: &str, title: String) -> Common {
        let depth = rel.matches('/').count() + 1;
        let root = "../".repeat(depth);
        let input = self.input;
        let ws = input.ws;
        let manifest = ws.manifest.as_ref().map(|m| &m.value);
        let current = self.current();
        Common {
            lang: self.lang.code(),
            home: format!("{root}{}/index.html", self.lang.code()),
            languages: self
                .languages
                .iter()
                .map(|&l| LanguageLink {
                    code: l.code(),
                    name: pages::language_name(l).to_owned(),
                    href: format!("{root}{}/{rel}", l.code()),
                    current: l == self.lang,
                    choose: pages::choose(l),
                    about: String::new(),
                })
                .collect(),
            root,
            title,
            jurisdiction: input.jurisdiction().name,
            plan: current.map(|r| r.plan.clone()).unwrap_or_default(),
            plan_span: current.map(|r| r.plan_span.clone()).unwrap_or_default(),
            period: current.map(|r| r.period.label.clone()).unwrap_or_default(),
            period_span: current.map(|r| r.period.span.clone()).unwrap_or_default(),
            notice: current.and_then(|r| r.notice.clone()),
            feedback: manifest.and_then(|m| m.feedback.as_ref()).map(|f| FeedbackView {
                email: f.email.clone().filter(|e| crate::validate::is_email(e)),
                url: f.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                note: input.tr_opt(f.note.as_ref()),
            }),
        }
    }

    fn render(&self, rel: &str, template: &str, ctx: Value) -> Result<SiteFile, JobError> {
        let html = self.env.get_template(template).and_then(|t| t.render(ctx)).map_err(template_error)?;
        Ok((format!("{}/{rel}", self.lang.code()), html.into_bytes()))
    }

    fn pages(
        &self,
        files: &mut BTreeMap<String, Vec<u8>>,
        data: &OpenData,
        reports: &[(String, Vec<u8>)],
    ) -> Result<(), JobError> {
        let Some(current) = self.current() else { return Err(nothing_to_show()) };
        // Each page on its own: commitments and institutions in parallel.
        use rayon::prelude::*;
        let ws = self.input.ws;
        let mut made = vec![self.home(current)?, self.downloads(data, reports)?];
        made.extend(ws.commitments.par_iter().map(|c| self.commitment(&c.value)).collect::<Result<Vec<_>, _>>()?);
        made.extend(ws.institutions.par_iter().map(|i| self.institution(&i.value)).collect::<Result<Vec<_>, _>>()?);
        files.extend(made);
        Ok(())
    }

    fn statuses(&self, period: &str) -> &[crate::score::irm::CommitmentStatus] {
        self.input.scores.period(period).map(|p| p.commitments.as_slice()).unwrap_or_default()
    }

    fn home(&self, report: &PeriodReport) -> Result<SiteFile, JobError> {
        let input = self.input;
        let t = |k: &str| report.t.get(k).cloned().unwrap_or_default();
        let statuses = self.statuses(&report.period.id);
        let mut counts = [0usize; 5];
        let rows = report
            .commitments
            .iter()
            .map(|c| {
                let level = pages::completion_level(c, statuses);
                counts[level.unwrap_or(4)] += 1;
                let label = format!("{}: {}", t("site.progress_of"), c.completion);
                CommitmentRow {
                    number: c.number,
                    title: c.title.clone(),
                    href: format!("commitments/{}.html", c.id),
                    lead: c.lead.clone(),
                    completion: c.completion.clone(),
                    bar: Value::from_safe_string(svg::bar(
                        level.map(|l| (l + 1) as f64 / 4.0),
                        level.unwrap_or(0),
                        &label,
                    )),
                }
            })
            .collect::<Vec<_>>();
        let scale = [
            input.t("completion.not-started"),
            input.t("completion.limited"),
            input.t("completion.substantial"),
            input.t("completion.complete"),
            t("site.no_completion"),
        ];
        let legend = scale
            .iter()
            .zip(counts)
            .enumerate()
            .map(|(i, (label, count))| context! { label => label, count => count, level => i })
            .collect::<Vec<_>>();
        let rollup_label = legend
            .iter()
            .map(|l| {
                format!("{}: {}", l.get_attr("label").unwrap_or_default(), l.get_attr("count").unwrap_or_default())
            })
            .collect::<Vec<_>>()
            .join("; ");
        let rollup = svg::rollup(&counts, &format!("{}. {rollup_label}", t("site.rollup")));
        let (min, max) = (report.min_level as f64, report.max_level as f64);
        let fill = |key: &str, pairs: &[(&str, String)]| {
            let mut s = t(key);
            for (k, v) in pairs {
                s = s.replace(&format!("{{{k}}}"), v);
            }
            s
        };
        let points = report
            .points
            .iter()
            .map(|p| {
                let label = fill(
                    "site.chart_claimed_backed",
                    &[("claimed", p.mean_claimed.clone()), ("backed", p.mean_backed.clone()), ("min", report.min_level.to_string()), ("max", report.max_level.to_string())],
                );
                context! { number => p.number, title => p.title.clone(), weight => p.weight, claimed => p.mean_claimed.clone(), backed => p.mean_backed.clone(),
                    chart => Value::from_safe_string(svg::pair(p.mean_claimed_num, p.mean_backed_num, min, max, &format!("{}: {label}", p.title))) }
            })
            .collect::<Vec<_>>();
        let change = report.change.as_ref().map(|c| {
            let rows = c
                .points
                .iter()
                .map(|p| {
                    let label = fill("site.chart_change", &[("from", p.from.clone()), ("to", p.to.clone()), ("min", report.min_level.to_string()), ("max", report.max_level.to_string())]);
                    context! { number => p.number, title => p.title.clone(), from => p.from.clone(), to => p.to.clone(),
                        chart => Value::from_safe_string(svg::change(p.from_num, p.to_num, min, max, &format!("{}: {label}", p.title))) }
                })
                .collect::<Vec<_>>();
            context! { view => ser(c), rows => rows }
        });
        let mut by_name = input.ws.institutions.iter().map(|i| (input.name(&i.value.name), i)).collect::<Vec<_>>();
        by_name
            .sort_by(|a, b| a.0.to_lowercase().cmp(&b.0.to_lowercase()).then_with(|| a.1.value.id.cmp(&b.1.value.id)));
        let institutions = by_name
            .into_iter()
            .map(|(_, i)| {
                let row = self.rows.last().and_then(|rows| rows.get(i.value.id.as_str()));
                context! {
                    name => input.name(&i.value.name),
                    href => format!("institutions/{}.html", i.value.id),
                    assessed => row.is_some(),
                    index_claimed => row.map(|r| r.index_claimed.clone()),
                    index_backed => row.map(|r| r.index_backed.clone()),
                }
            })
            .collect::<Vec<_>>();
        let common = self.common("index.html", report.plan.clone());
        let ctx = context! {
            site => ser(&common),
            t => self.t.clone(),
            report => ser(report),
            rows => ser(&rows),
            legend => legend,
            rollup => Value::from_safe_string(rollup),
            points => points,
            change => change,
            institutions => institutions,
        };
        self.render("index.html", "home.html.j2", ctx)
    }

    fn commitment(&self, c: &crate::model::Commitment) -> Result<SiteFile, JobError> {
        let input = self.input;
        let Some(current) = self.current() else { return Err(nothing_to_show()) };
        let rel = format!("commitments/{}.html", c.id);
        let view = current.commitments.iter().find(|v| v.id == c.id);
        let title = view.map_or_else(|| input.tr(&c.title), |v| v.title.clone());
        let t = |k: &str| current.t.get(k).cloned().unwrap_or_default();
        let reports = self.views.iter().collect::<Vec<_>>();
        let milestones = pages::milestone_history(input, c, &reports, &t("site.late_no_note"));
        let heads = self
            .views
            .iter()
            .map(|r| PeriodHead { id: r.period.id.clone(), label: r.period.label.clone() })
            .collect::<Vec<_>>();
        let links = Links { hashes: input.hashes, root: "../../" };
        let mut evidence = Vec::new();
        for p in self.history {
            for a in input.ws.assessments.iter().filter(|a| a.value.period == p.id) {
                let Some(ms) = a.value.commitments.get(&c.id) else { continue };
                for (mid, progress) in ms {
                    for item in &progress.evidence {
                        let mut link: EvidenceLink = links.item(input, item);
                        link.by =
                            format!("{} · {} · {}", input.period_view(p).label, input.short(&a.value.institution), mid);
                        evidence.push(link);
                    }
                }
            }
        }
        let institution = |id: &str| {
            context! { name => input.institution(id).map_or_else(|| id.to_owned(), |i| input.name(&i.name)), href => format!("../institutions/{id}.html") }
        };
        // The commitment's own contact, else the lead institution's OGP
        // focal point (named as such).
        let contact = match &c.contact {
            Some(k) => Some(context! {
                name => k.name.clone(),
                role => input.tr_opt(k.role.as_ref()),
                email => k.email.clone().filter(|e| crate::validate::is_email(e)),
                focal => false,
            }),
            None => input.institution(&c.lead).map(|i| {
                context! {
                    name => i.focal_point.name.clone(),
                    role => i.focal_point.position.clone(),
                    email => i.focal_point.email.clone().filter(|e| crate::validate::is_email(e)),
                    focal => true,
                    of => input.name(&i.name),
                }
            }),
        };
        let common = self.common(&rel, format!("{} {}: {title}", t("site.commitment_page"), c.number));
        let ctx = context! {
            site => ser(&common),
            t => self.t.clone(),
            c => ser(&view),
            number => c.number,
            title => title,
            problem => input.tr_opt(c.problem.as_ref()),
            objective => input.tr_opt(c.objective.as_ref()),
            lead => institution(&c.lead),
            supporting => c.supporting.iter().map(|s| institution(s)).collect::<Vec<_>>(),
            contact => contact,
            heads => ser(&heads),
            milestones => ser(&milestones),
            evidence => ser(&evidence),
            review => current.review.as_ref().map(ser),
        };
        self.render(&rel, "commitment.html.j2", ctx)
    }

    fn institution(&self, inst: &crate::model::Institution) -> Result<SiteFile, JobError> {
        let input = self.input;
        let Some(current) = self.current() else { return Err(nothing_to_show()) };
        let rel = format!("institutions/{}.html", inst.id);
        let t = |k: &str| current.t.get(k).cloned().unwrap_or_default();
        let cards = self.history.iter().map(|p| input.scorecard(&p.id, &inst.id)).collect::<Vec<_>>();
        let heads = self
            .views
            .iter()
            .map(|r| PeriodHead { id: r.period.id.clone(), label: r.period.label.clone() })
            .collect::<Vec<_>>();
        let indexes = self
            .views
            .iter()
            .zip(&self.rows)
            .map(|(r, rows)| {
                let row = rows.get(inst.id.as_str());
                context! { period => r.period.label.clone(), claimed => row.map(|x| x.index_claimed.clone()), backed => row.map(|x| x.index_backed.clone()) }
            })
            .collect::<Vec<_>>();
        let links = Links { hashes: input.hashes, root: "../../" };
        let last = cards.last().and_then(Option::as_ref);
        let evidence = last
            .map(|card| {
                card.points
                    .iter()
                    .flat_map(|p| {
                        p.evidence.iter().map(|e| {
                            let (href, kind, sha256) = links.of(&e.reference);
                            EvidenceLink {
                                text: e.reference.clone(),
                                href,
                                kind,
                                sha256,
                                note: e.note.clone(),
                                date: e.date.clone(),
                                by: format!("{}. {}", p.number, p.title),
                            }
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let name = input.name(&inst.name);
        let commitments = input
            .ws
            .commitments
            .iter()
            .filter(|c| c.value.lead == inst.id || c.value.supporting.contains(&inst.id))
            .map(|c| {
                let role = if c.value.lead == inst.id { input.t("role.lead") } else { input.t("role.supporting") };
                context! { number => c.value.number, title => input.tr(&c.value.title), href => format!("../commitments/{}.html", c.value.id), role => role }
            })
            .collect::<Vec<_>>();
        let committee = inst.steering_committee.as_ref().map(|sc| {
            context! {
                established => input.strings.date(sc.established),
                decree => sc.decree.clone(),
                members => sc.members.iter().map(|m| context! { name => m.name.clone(), organisation => m.organisation.clone(), role => input.strings.label("role", &m.role), sector => input.strings.label("sector", &m.sector) }).collect::<Vec<_>>(),
            }
        });
        let groups = inst
            .working_groups
            .iter()
            .map(|g| {
                context! {
                    name => input.tr_opt(g.name.as_ref()).unwrap_or_else(|| g.id.to_string()),
                    commitments => g.commitments.iter().map(|id| {
                        let title = input.ws.commitments.iter().find(|c| c.value.id == *id).map_or_else(|| id.to_string(), |c| input.tr(&c.value.title));
                        context! { title => title, href => format!("../commitments/{id}.html") }
                    }).collect::<Vec<_>>(),
                    members => g.members.len(),
                }
            })
            .collect::<Vec<_>>();
        let common = self.common(&rel, format!("{}: {name}", t("site.institution_page")));
        let ctx = context! {
            site => ser(&common),
            t => self.t.clone(),
            name => name,
            kind => input.strings.label("kind", &inst.kind),
            focal_point => inst.focal_point.name.clone(),
            focal_position => inst.focal_point.position.clone(),
            heads => ser(&heads),
            indexes => indexes,
            points => ser(&pages::point_history(&cards)),
            evidence => ser(&evidence),
            commitments => commitments,
            committee => committee,
            groups => groups,
            scale_min => current.min_level,
            scale_max => current.max_level,
        };
        self.render(&rel, "institution.html.j2", ctx)
    }

    fn downloads(&self, data: &OpenData, reports: &[(String, Vec<u8>)]) -> Result<SiteFile, JobError> {
        let input = self.input;
        let size = |n: usize| input.strings.size(n as u64);
        let listed = |dir: &str, list: &[(String, Vec<u8>)]| {
            list.iter()
                .map(|(name, bytes)| Download {
                    name: name.clone(),
                    href: format!("../{dir}/{}", pages::href_path(name)),
                    size: size(bytes.len()),
                    sha256: Some(hex(&sha2::Sha256::digest(bytes))),
                })
                .collect::<Vec<_>>()
        };
        let evidence = input
            .hashes
            .iter()
            .map(|(path, (sha, n))| Download {
                name: path.clone(),
                href: format!("../files/{}", pages::href_path(path)),
                size: size(*n as usize),
                sha256: Some(sha.clone()),
            })
            .collect::<Vec<_>>();
        let title = self.current().and_then(|r| r.t.get("site.downloads").cloned()).unwrap_or_default();
        let common = self.common("downloads.html", title);
        let ctx = context! {
            site => ser(&common),
            t => self.t.clone(),
            data => ser(&listed("data", &data.files)),
            reports => ser(&listed("reports", reports)),
            evidence => ser(&evidence),
        };
        self.render("downloads.html", "downloads.html.j2", ctx)
    }
}

/// Why a site cannot be made: no period of the history has assessments.
fn nothing_to_show() -> JobError {
    JobError::Msg(msg!(
        "no period up to the one asked for has assessments to show",
        "belum ada periode (sampai periode yang diminta) yang memiliki penilaian untuk ditampilkan"
    ))
}
