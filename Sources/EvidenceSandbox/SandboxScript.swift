/// What runs inside the sandbox: one fixed POSIX shell script, a constant of this file. Reporter
/// bytes arrive on standard input only; the script's arguments are values this code chose (the
/// type `EvidenceType.sniff` named, Tesseract models from `OCRLanguages`' table, the operator's
/// limits as numbers), so nothing the reporter sent reaches a command line, a file name or an
/// environment variable.
///
/// One script in one sandbox rather than a sandbox per step: every step sees the same attacker
/// input anyway (the decoded pixels of a hostile file are still hostile to OCR), the intermediate
/// images then stay in the sandbox's memory-backed /tmp instead of crossing back through this
/// process, and bubblewrap starts once (about 4 ms here) instead of once per step.
///
/// Images: the header's dimensions are checked against the pixel limit, the type's own loader
/// (never a sniffing one) decodes with `fail_on=truncated`, `autorot` applies the orientation
/// tag, `colourspace srgb`, `flatten` (onto white) and `cast uchar` make opaque 8-bit sRGB, then the pixels go out as raw bytes
/// and come back with `rawload`: an image with no metadata at all, from which `jpegsave`/`pngsave
/// --strip` writes the clean file. OCR reads a copy shrunk to `ocrLongEdge`.
///
/// PDFs: `pdfinfo` counts pages against the limit; `pdftoppm -scale-to` renders each page to
/// pixels of bounded size (whatever size the page claims); each page is re-encoded as JPEG, and
/// the reader builds a new PDF around them (`ImagePDF`): no text layer, fonts, metadata, embedded
/// files, scripts, forms or links survive, because nothing but pixels leaves the sandbox.
enum SandboxScript {
    static let source = #"""
set -eu
umask 077
kind=$1; langs=$2; maxpixels=$3; maxpages=$4; ocredge=$5; pageedge=$6
cd /tmp
frame() { printf '%s %s\n' "$1" "$(wc -c < "$2")"; cat "$2"; }
refuse() { printf '%s' "$1" > reason; frame FAIL reason; exit 0; }
need() { for t in "$@"; do command -v "$t" > /dev/null 2>&1 || refuse "unavailable:$t"; done; }
# A failing tool: killed by the CPU or file-size limit, or out of memory, is exhaustion; anything
# else is a file the decoder rejected.
failed() {
  case $1 in 137|152|153) refuse exhausted;; esac
  if grep -qiE 'memory|bad_alloc' err 2> /dev/null; then refuse exhausted; fi
  refuse malformed
}
run() { "$@" > /dev/null 2>> err || failed $?; }
header() { vipsheader -f "$1" "$2" 2>> err; }

clean() {  # clean SRC OUT FORMAT: 8-bit sRGB pixels with nothing else, saved as FORMAT
  run vips colourspace "$1" c1.v srgb
  bands=$(header bands c1.v) || failed $?
  # Transparency goes, onto white: OCR and the inspector must see the same pixels (dark text on a
  # transparent background is invisible to OCR and legible in a viewer that draws it on white).
  if [ "$bands" = 4 ]; then run vips flatten c1.v c2.v --background 255; mv c2.v c1.v; bands=3; fi
  [ "$bands" = 3 ] || refuse malformed
  run vips cast c1.v c2.v uchar
  rm -f c1.v
  w=$(header width c2.v) || failed $?
  h=$(header height c2.v) || failed $?
  run vips rawsave c2.v pixels
  rm -f c2.v
  run vips rawload pixels c3.v "$w" "$h" "$bands"
  rm -f pixels
  run vips copy c3.v clean.v --interpretation srgb
  rm -f c3.v
  if [ "$3" = jpeg ]; then run vips jpegsave clean.v "$2" --strip --Q 85 --optimize-coding
  else run vips pngsave clean.v "$2" --strip --compression 6; fi
  printf '%s %s %s' "$w" "$h" "$bands" > size
}

need tesseract mawk
for l in $(printf '%s' "$langs" | tr '+' ' ') osd; do
  [ -f "/usr/share/tesseract-ocr/5/tessdata/$l.traineddata" ] || refuse "unavailable:tesseract-ocr-$l"
done
cat > in || refuse too_large
: > list

case $kind in
pdf)
  need pdfinfo pdftoppm vips vipsheader
  pages=$(pdfinfo in 2>> err | sed -n 's/^Pages:[[:space:]]*\([0-9][0-9]*\)$/\1/p')
  [ -n "$pages" ] || refuse malformed
  [ "$pages" -ge 1 ] || refuse malformed
  [ "$pages" -le "$maxpages" ] || refuse too_large
  run pdftoppm -l "$pages" -scale-to "$pageedge" in p
  for f in p-*.ppm; do
    [ -f "$f" ] || refuse malformed
    clean "$f" page.jpg jpeg
    frame IMAGE page.jpg
    frame SIZE size
    rm -f page.jpg clean.v
    printf '/tmp/%s\n' "$f" >> list
  done
  ;;
jpeg|png|webp|heic)
  need vips vipsheader
  case $kind in jpeg) loader=jpegload out=jpeg;; png) loader=pngload out=png;;
                webp) loader=webpload out=png;; heic) loader=heifload out=jpeg;; esac
  w=$(header width in) || failed $?
  h=$(header height in) || failed $?
  case "$w:$h" in *[!0-9:]*|:*|*:) refuse malformed;; esac
  [ "$w" -ge 1 ] && [ "$h" -ge 1 ] || refuse malformed
  [ $((w * h)) -le "$maxpixels" ] || refuse too_large
  run vips "$loader" in decoded.v --fail-on truncated
  rm -f in
  run vips autorot decoded.v upright.v
  rm -f decoded.v
  clean upright.v image.out "$out"
  rm -f upright.v
  # Uncompressed PPM between tools: compressing a photo's PNG took longer than reading it.
  run vips thumbnail clean.v ocr.ppm "$ocredge" --size down
  rm -f clean.v
  frame IMAGE image.out
  frame SIZE size
  printf '/tmp/ocr.ppm\n' > list
  ;;
*) refuse malformed;;
esac

# Upright first (the orientation tag is applied already); only when that reads poorly, again
# with Tesseract's orientation detection, which can turn a page read sideways or upside down
# (and, on its own, sometimes turns an upright one). The reader keeps the better reading.
run tesseract list upright --psm 3 -l "$langs" tsv
frame TSV upright.tsv
if ! mawk -F '\t' '$1 == 5 && $11 >= 0 && $12 != "" { n = length($12); all += n; if ($11 >= 60) good += n }
    END { exit !(good >= 12 && good * 2 >= all) }' upright.tsv; then
  run tesseract list turned --psm 1 -l "$langs" tsv
  frame TSV turned.tsv
fi
: > empty
frame DONE empty
"""#

    /// The command that runs the script: `prlimit` sets the resource limits (hard and soft, so
    /// nothing inside can raise them) and executes bubblewrap, which inherits them, as does every
    /// process in the sandbox: address space (`memoryBytes`), CPU seconds (`timeoutSeconds`),
    /// file size (the scratch size), no core files.
    ///
    /// bubblewrap: every namespace unshared (no network, no other processes, no host users), all
    /// capabilities dropped, a new session (no terminal to inject into), killed with its parent;
    /// only /usr (read-only), fontconfig's settings and cache (read-only, for PDF fonts), a fresh
    /// /proc and /dev, and a size-limited tmpfs /tmp are visible: no data folder, key, /etc/passwd,
    /// /home or /var. An empty environment apart from the few variables set here. `script` is
    /// `source` except in the tests' probes of the boundary itself.
    static func command(kind: String, languages: String, limits: EvidenceLimits, bubblewrap: String,
                        script: String = source) -> (executable: String, arguments: [String]) {
        var arguments = [
            "--as=\(limits.memoryBytes)", "--cpu=\(limits.timeoutSeconds)", "--fsize=\(limits.scratchBytes)", "--core=0",
            "--", bubblewrap,
            "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
            "--ro-bind-try", "/etc/fonts", "/etc/fonts",
            "--ro-bind-try", "/var/cache/fontconfig", "/var/cache/fontconfig",
            "--proc", "/proc", "--dev", "/dev",
            "--size", String(limits.scratchBytes), "--tmpfs", "/tmp",
            "--chdir", "/tmp",
        ]
        for (name, value) in environment { arguments += ["--setenv", name, value] }
        arguments += ["--", "/bin/sh", "-c", script, "sh", kind, languages,
                      String(limits.maxPixels), String(limits.maxPages), String(limits.ocrLongEdge),
                      String(limits.pdfPageLongEdge)]
        return (prlimit, arguments)
    }

    /// util-linux's prlimit (Debian: essential, always installed).
    static let prlimit = "/usr/bin/prlimit"

    /// One thread each (two cores shared with the daemon); no runtime code generation (liborc),
    /// so the tools also run under MemoryDenyWriteExecute; few malloc arenas, so the address-space
    /// limit measures memory rather than reserved arenas.
    static let environment: [(String, String)] = [
        ("PATH", "/usr/bin"), ("LANG", "C.UTF-8"), ("HOME", "/tmp"), ("TMPDIR", "/tmp"),
        ("OMP_THREAD_LIMIT", "1"), ("VIPS_CONCURRENCY", "1"), ("VIPS_NOVECTOR", "1"), ("MALLOC_ARENA_MAX", "2"),
    ]
}
