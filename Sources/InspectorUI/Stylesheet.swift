/// The UI's only stylesheet, served same-origin at `/style.css` (the content-security policy
/// allows no inline style, no script and nothing from another origin). Plain and readable: system
/// fonts, one column, high contrast, the duress warning impossible to miss.
enum Stylesheet {
    static let path = "/style.css"

    static let css = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --alert: #a40e26; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink); background: #f6f8fa; }
        header { background: #24292f; color: #fff; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; }
        header a { color: #fff; font-weight: 600; text-decoration: none; }
        header .who { color: #d0d7de; font-size: .9rem; }
        header .dev { background: #bf8700; color: #000; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; word-break: break-all; }
        h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        section, .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; font-size: .9rem; }
        code, .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        .narrative, .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        img.evidence { max-width: 100%; max-height: 24rem; border: 1px solid #ccc; }
        ol.evidence > li { margin-bottom: 1rem; }
        .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; background: #ddf4ff; color: #0a3069; font-size: .9rem; }
        .duress { background: var(--alert); color: #fff; font-weight: 700; padding: .1rem .5rem; border-radius: 3px; }
        .urgent { background: #6639ba; color: #fff; font-weight: 700; padding: .1rem .5rem; border-radius: 3px; }
        .unread { color: var(--alert); }
        .scroll { overflow-x: auto; }
        .filters { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .4rem 1rem .8rem; margin: 1rem 0; }
        .filters .row { display: flex; flex-wrap: wrap; gap: 0 1.2rem; }
        .filters input[type=search] { width: 100%; max-width: 32rem; padding: .3rem; }
        .filters input[type=number] { width: 6rem; }
        label.inline { display: inline-block; font-weight: normal; margin-right: 1rem; }
        .thread time { font-weight: 600; color: var(--ink); }
        .overdue { background: #9a6700; color: #fff; font-weight: 700; padding: .1rem .5rem; border-radius: 3px; }
        .alarm { background: #ffebe9; border: 2px solid var(--alert); color: var(--alert); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; font-weight: 600; }
        .notice { border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
        .notice.done { background: #dafbe1; border: 1px solid #4ac26b; }
        .notice.failed { background: #ffebe9; border: 1px solid var(--alert); }
        .hint { color: var(--muted); font-size: .9rem; }
        ul.plain { list-style: none; padding: 0; margin: 0; }
        ul.plain li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
        .meta { color: var(--muted); font-size: .85rem; }
        .outcome { font-weight: 600; }
        .unopened { background: #fff8c5; border: 1px solid #9a6700; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
        .unsigned { font-style: italic; }
        form { margin: 0; }
        label { display: block; font-weight: 600; margin: .5rem 0 .2rem; }
        textarea { width: 100%; min-height: 6rem; font: inherit; padding: .4rem; }
        select, input, button, textarea { font: inherit; }
        fieldset { border: 0; padding: 0; margin: 0; }
        fieldset[disabled] { opacity: .55; }
        button { margin-top: .6rem; padding: .35rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; cursor: pointer; }
        .choices label { display: inline; font-weight: normal; margin-right: 1rem; }
        a { color: var(--accent); }
        """
}
