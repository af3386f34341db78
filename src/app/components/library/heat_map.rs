//! The heat map of "Codes by delegation", drawn as SVG: rows × tags, the
//! count in each cell, a sequential colour scale with its legend. Cells
//! with a count are focusable and chosen with a click, Enter or Space.

use yew::prelude::*;

use crate::library::CodeMatrix;

// Geometry in whole pixels: integers print without the float formatting
// machinery (see `text::decimal`).
const LABEL_WIDTH: usize = 230;
const CELL_WIDTH: usize = 56;
const CELL_HEIGHT: usize = 24;
const HEADER_HEIGHT: usize = 96;
const LEGEND_HEIGHT: usize = 40;

/// The fill for `count` of `max`: white to deep blue.
pub fn fill(count: u32, max: u32) -> String {
    if count == 0 || max == 0 {
        return "#f6f7f9".to_owned();
    }
    let t = (f64::from(count) / f64::from(max)).clamp(0.0, 1.0);
    let t = 0.15 + 0.85 * t;
    let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(239.0, 8.0),
        mix(243.0, 48.0),
        mix(255.0, 107.0)
    )
}

/// Dark text on light cells, white on dark.
fn ink(count: u32, max: u32) -> &'static str {
    if max > 0 && f64::from(count) / f64::from(max) > 0.45 {
        "#ffffff"
    } else {
        "#1d2330"
    }
}

fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(max - 1).collect::<String>())
    }
}

#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    pub matrix: std::rc::Rc<CodeMatrix>,
    pub chosen: Option<(usize, usize)>,
    pub on_choose: Callback<(usize, usize)>,
    /// What the rows are, for the cells' names: "delegation" or "speaker".
    pub rows_are: AttrValue,
}

#[component(HeatMap)]
pub fn heat_map(props: &HeatMapProps) -> Html {
    let matrix = &props.matrix;
    let width = LABEL_WIDTH + CELL_WIDTH * matrix.tags.len() + 8;
    let height = HEADER_HEIGHT + CELL_HEIGHT * matrix.rows.len() + LEGEND_HEIGHT + 8;
    let headers: Html = matrix
        .tags
        .iter()
        .enumerate()
        .map(|(col, (_, name))| {
            let x = LABEL_WIDTH + CELL_WIDTH * col + CELL_WIDTH / 2;
            let y = HEADER_HEIGHT - 8;
            html! {
                <text class="col-label" x={x.to_string()} y={y.to_string()}
                    transform={format!("rotate(-40 {x} {y})")}>
                    <title>{ name.clone() }</title>
                    { shorten(name, 16) }
                </text>
            }
        })
        .collect();
    let rows: Html = matrix
        .rows
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let y = HEADER_HEIGHT + CELL_HEIGHT * row;
            let cells: Html = matrix.counts[row]
                .iter()
                .enumerate()
                .map(|(col, &count)| {
                    let x = LABEL_WIDTH + CELL_WIDTH * col;
                    let chosen = props.chosen == Some((row, col));
                    let name = format!(
                        "{}: {} annotation(s) tagged {} for the {} {}",
                        label, count, matrix.tags[col].1, props.rows_are, label
                    );
                    let choose = props.on_choose.reform(move |_: MouseEvent| (row, col));
                    let key = {
                        let on_choose = props.on_choose.clone();
                        Callback::from(move |event: KeyboardEvent| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                on_choose.emit((row, col));
                            }
                        })
                    };
                    let focusable = count > 0;
                    html! {
                        <g class={classes!("cell", chosen.then_some("chosen"))}
                            role={focusable.then_some("button")}
                            tabindex={focusable.then_some("0")}
                            aria-label={focusable.then_some(name.clone())}
                            aria-pressed={focusable.then(|| chosen.to_string())}
                            data-row={label.clone()} data-tag={matrix.tags[col].1.clone()} data-count={count.to_string()}
                            onclick={focusable.then_some(choose)} onkeydown={focusable.then_some(key)}>
                            <title>{ name }</title>
                            <rect x={(x + 1).to_string()} y={(y + 1).to_string()}
                                width={(CELL_WIDTH - 2).to_string()} height={(CELL_HEIGHT - 2).to_string()}
                                rx="3" fill={fill(count, matrix.max)} />
                            if count > 0 {
                                <text class="count" x={(x + CELL_WIDTH / 2).to_string()} y={(y + CELL_HEIGHT / 2 + 4).to_string()}
                                    fill={ink(count, matrix.max)} text-anchor="middle">{ count.to_string() }</text>
                            }
                        </g>
                    }
                })
                .collect();
            html! {
                <g class="row" key={label.clone()}>
                    <text class="row-label" x={(LABEL_WIDTH - 8).to_string()} y={(y + CELL_HEIGHT / 2 + 4).to_string()}
                        text-anchor="end">
                        <title>{ format!("{label}: {} in all", matrix.totals[row]) }</title>
                        { shorten(label, 30) }
                    </text>
                    { cells }
                </g>
            }
        })
        .collect();
    // The legend: five steps of the scale, with their counts.
    let legend_y = HEADER_HEIGHT + CELL_HEIGHT * matrix.rows.len() + 12;
    let steps: Vec<u32> = if matrix.max == 0 {
        Vec::new()
    } else {
        let mut steps: Vec<u32> = (1..=5).map(|i| (matrix.max * i).div_ceil(5)).collect();
        steps.dedup();
        steps
    };
    let legend: Html = steps
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let x = LABEL_WIDTH + 40 * i;
            html! {
                <g>
                    <rect x={x.to_string()} y={legend_y.to_string()} width="36" height="12" fill={fill(count, matrix.max)} />
                    <text class="legend-label" x={(x + 18).to_string()} y={(legend_y + 26).to_string()} text-anchor="middle">{ count.to_string() }</text>
                </g>
            }
        })
        .collect();
    html! {
        <svg class="heat-map" width={width.to_string()} height={height.to_string()}
            viewBox={format!("0 0 {width} {height}")} role="group"
            aria-label={format!("Heat map: {} rows by {} tags; choose a cell for its passages", matrix.rows.len(), matrix.tags.len())}>
            { headers }
            { rows }
            if !steps.is_empty() {
                <text class="legend-label" x={(LABEL_WIDTH - 8).to_string()} y={(legend_y + 10).to_string()} text-anchor="end">{ "Annotations:" }</text>
            }
            { legend }
        </svg>
    }
}
