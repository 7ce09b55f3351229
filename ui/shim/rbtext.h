// rbtext.h - outside text (device strings, backup names, ticket text) as a QString for
// display: escaped by the engine's rb_text_escape, so that a label never shows a bidi
// override reordering "gpj.exe", control characters or mojibake of invalid UTF-8.
// Values handed back to the engine as keys (backup paths, ticket numbers) stay raw.
#pragma once

#include <QString>

namespace rb {
QString displayText(const char *text);
}
