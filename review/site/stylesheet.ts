/**
 * The site's one stylesheet. Dark text on white (contrast well above 4.5:1),
 * tables that scroll rather than overflow (and show the keyboard's focus
 * when they take it), and no colour that carries
 * meaning on its own: missed objectives also say "missed".
 */
export const STYLESHEET = `:root { color: #1a1a1a; background: #ffffff; font-family: Helvetica, Arial, sans-serif; line-height: 1.45; }
body { margin: 0; }
header { background: #1f2a44; color: #ffffff; padding: 0.6rem 1.5rem; }
header .site-name { margin: 0 0 0.3rem; font-weight: bold; }
header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; margin: 0; padding: 0; }
header a { color: #ffffff; }
header a[aria-current="page"] { font-weight: bold; text-decoration: none; border-bottom: 2px solid #ffffff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
footer { border-top: 1px solid #767676; color: #3d3d3d; padding: 0.5rem 1.5rem; font-size: 0.9rem; }
a { color: #1a4f9c; }
h1 { font-size: 1.7rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #bfbfbf; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
.figure { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: 0.5rem 0 1.2rem; }
.figure svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap:focus-visible { outline: 2px solid #1a4f9c; outline-offset: 2px; }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border: 1px solid #8c8c8c; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
tbody th[scope="row"] { white-space: nowrap; }
.nobr { white-space: nowrap; }
tbody th[scope="row"].long { white-space: normal; overflow-wrap: anywhere; min-width: 14rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.missed { font-weight: bold; }
.note { color: #3d3d3d; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.pager ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; padding: 0; }
@media print { header nav { display: none; } a { color: inherit; } }
`;
