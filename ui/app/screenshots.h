// --screenshots OUTDIR: every screen in every language at the reference sizes, checked.
#pragma once

class QQmlApplicationEngine;
class QQuickWindow;

// Renders each screen as OUTDIR/<screen>-<lang>-<w>x<h>.png and walks its item tree: text
// that does not fit (wider than its box with eliding off, or elided/cut), text over text,
// items off the window. Returns 0 when every picture is clean and no QML warning was
// printed, else 1 (each problem on stderr, one line each).
int rb_kiosk_screenshots(QQmlApplicationEngine &engine, QQuickWindow *window, const char *outdir,
                         const char *onlyLang, const char *onlySize);
