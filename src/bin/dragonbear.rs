//! The native CLI: `dragonbear list`, `dragonbear data ID`, `dragonbear render ID --svg FILE | --png FILE`,
//! `dragonbear words LANG` (every phrase of the interface in a language, one a line: what the
//! end-to-end language test looks for) and `dragonbear bundle DIR` (the build's step that writes
//! each chart's data file for the browser).
//! Native only: on wasm32 (as `wasm-pack test` compiles every target) it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use dragonbear::chart::{self, AnyChart, Frame};
    use dragonbear::render::{Painter, Theme};
    use std::process::ExitCode;

    const USAGE: &str = "usage: dragonbear list\n       dragonbear words (en|fr|de)\n       dragonbear data ID\n       dragonbear bundle DIR\n       dragonbear render ID (--svg FILE | --png FILE) [--width PX] [--height PX (default: the chart's own height at that width)] [--dark] [--scale N]";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dragonbear: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(args: &[String]) -> Result<(), String> {
        match args.first().map(String::as_str) {
            Some("list") => {
                for c in chart::list(Default::default()).map_err(|e| e.to_string())? {
                    println!("{}\t{}\t{}", c.id, c.domain.as_str(), c.title);
                }
                Ok(())
            }
            Some("words") => {
                use dragonbear::model::locale::{Locale, Text};
                let lang = args.get(1).ok_or(USAGE)?;
                let locale = Locale::ALL.into_iter().find(|l| l.tag() == lang).ok_or(USAGE)?;
                for &key in Text::ALL {
                    println!("{}", locale.text(key).replace('\n', " "));
                }
                Ok(())
            }
            Some("data") => {
                let id = args.get(1).ok_or(USAGE)?;
                let ds = chart::dataset_for(id).map_err(|e| e.to_string())?;
                print!("{}", chart::to_csv(&ds));
                Ok(())
            }
            Some("render") => render(args),
            Some("bundle") => bundle(args.get(1).ok_or(USAGE)?),
            _ => Err(USAGE.to_string()),
        }
    }

    /// Writes `DIR/CHART.json` for every chart: a JSON array of the compact bundled datasets it
    /// draws (its own, then its companion's), one per line (what `addData` reads). The loader
    /// fetches a chart's file beside the wasm, which compiles in no dataset, so a page loads only
    /// the data of the charts it shows.
    fn bundle(dir: &str) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
        for c in chart::CHARTS {
            let mut texts = Vec::new();
            for id in chart::datasets_of(c.id).map_err(|e| e.to_string())? {
                texts.push(dragonbear::data::bundled_text(id).map_err(|e| e.to_string())?);
            }
            let text = format!("[\n{}\n]\n", texts.join(",\n"));
            let path = std::path::Path::new(dir).join(format!("{}.json", c.id));
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }

    fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
    }

    fn render(args: &[String]) -> Result<(), String> {
        let id = args.get(1).ok_or(USAGE)?;
        let num = |name: &str, default: f64| -> Result<f64, String> {
            flag(args, name).map_or(Ok(default), |v| {
                v.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n > 0.0 && *n <= 8000.0)
                    .ok_or(format!("{name} wants a positive number, got {v:?}"))
            })
        };
        let (w, scale) = (num("--width", 800.0)?, num("--scale", 1.0)?);
        let theme = if args.iter().any(|a| a == "--dark") { Theme::dark() } else { Theme::light() };
        let spec = chart::spec(id).map_err(|e| e.to_string())?;
        let ds = chart::dataset_for(id).map_err(|e| e.to_string())?;
        let hidden = vec![false; ds.series.len()];
        // Without --height, the height the widget would take at this width.
        let natural = || chart::natural_height(spec.kind, &ds, &Frame::new(w, 0.0, theme.clone()), &hidden);
        let h = if flag(args, "--height").is_some() { num("--height", 480.0)? } else { natural() };
        let c = AnyChart::build(spec.kind, &ds, &Frame::new(w, h, theme), &hidden);
        let size = ((w * scale).round() as u32, (h * scale).round() as u32);
        if let Some(file) = flag(args, "--svg") {
            let svg = dragonbear_svg(&c, size, scale)?;
            std::fs::write(file, svg).map_err(|e| format!("{file}: {e}"))?;
        } else if let Some(file) = flag(args, "--png") {
            let mut b = plotters::backend::BitMapBackend::new(file, size);
            c.draw(&mut Painter::new(&mut b, scale)).map_err(|e| format!("{file}: {e}"))?;
        } else {
            return Err(USAGE.to_string());
        }
        Ok(())
    }

    fn dragonbear_svg(c: &AnyChart, size: (u32, u32), scale: f64) -> Result<String, String> {
        let mut s = String::new();
        {
            let mut b = plotters::backend::SVGBackend::with_string(&mut s, size);
            c.draw(&mut Painter::new(&mut b, scale)).map_err(|e| e.to_string())?;
        }
        Ok(s)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
