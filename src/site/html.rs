//! The site's templates: built in, rendered by minijinja with its HTML
//! auto-escaping on every `{{ … }}` (a second escaper beside the Typst
//! one, not a filter anyone could forget). Charts come in as SVG the
//! site's own code drew ([`super::svg`]), marked safe there and nowhere
//! else.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// The built-in templates and the stylesheet.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html.j2", include_str!("../../site-templates/base.html.j2")),
    ("macros.html.j2", include_str!("../../site-templates/macros.html.j2")),
    ("languages.html.j2", include_str!("../../site-templates/languages.html.j2")),
    ("home.html.j2", include_str!("../../site-templates/home.html.j2")),
    ("commitment.html.j2", include_str!("../../site-templates/commitment.html.j2")),
    ("institution.html.j2", include_str!("../../site-templates/institution.html.j2")),
    ("downloads.html.j2", include_str!("../../site-templates/downloads.html.j2")),
];

/// The stylesheet every page links to.
pub const STYLE: &str = include_str!("../../site-templates/style.css");

/// The environment, with every template compiled.
pub fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_fuel(Some(50_000_000));
    for (name, source) in BUILT_IN {
        env.add_template(name, source)?;
    }
    Ok(env)
}
