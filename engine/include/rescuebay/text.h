/*
 * rescuebay/text.h - outside text (device names, serials, backup file names, catalog
 * fields, what staff typed) made safe to show or to put in JSON.
 *
 * Such text may hold terminal control (ESC/CSI/OSC, CR, BEL...), C1 controls,
 * bidirectional overrides that make "exe.txt" read as "txt.exe", or bytes that are not
 * UTF-8. Every place that shows outside text to a person (the CLI, the kiosk) passes it
 * through rb_text_escape; every JSON string the CLI writes goes through rb_text_json.
 *
 * Both work like snprintf: they write at most `cap` bytes including the terminating NUL
 * into `out` (out may be NULL when cap is 0), never cut an escape or a UTF-8 sequence in
 * two, and return the length the whole result needs (without the NUL): call again with
 * a bigger buffer when the result is >= cap. They never allocate, so short fields fit a
 * stack buffer. `len` is the length of `text` in bytes (embedded NUL bytes are shown as
 * \x00); `found`, when not NULL, receives the RB_TEXT_* bits of what was escaped.
 *
 * Threading: pure functions (no state, no allocation): call from any thread.
 */
#ifndef RESCUEBAY_TEXT_H
#define RESCUEBAY_TEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the text held (bits of *found). */
typedef enum rb_text_found {
    RB_TEXT_CONTROL = 1 << 0,      /* C0 (incl. ESC, CR, LF, TAB, BEL), DEL, C1 controls,
                                      U+2028/U+2029 line breaks */
    RB_TEXT_BIDI = 1 << 1,         /* U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C */
    RB_TEXT_INVALID_UTF8 = 1 << 2  /* bytes that are not UTF-8 (also overlong, surrogates) */
} rb_text_found;

/* Display form: valid UTF-8 without any control or bidi character. \n \r \t for those
 * three, \xHH for other C0 bytes, DEL and every byte that is not UTF-8, \uHHHH for C1,
 * bidi and line-separator characters; everything else is copied. Backslashes are left as
 * they are (Windows paths stay readable: the exact text is in the JSON form). */
RB_EXTERN size_t rb_text_escape(char *out, size_t cap, const char *text, size_t len,
                                unsigned int *found);

/* JSON form: a complete JSON string literal, quotes included, that every JSON parser
 * accepts for any input bytes. \" \\ \b \f \n \r \t, \u00HH for other C0 and DEL,
 * \uHHHH for C1, bidi and line separators (exact: decoding gives the text back); bytes
 * that are not UTF-8 become \ufffd (U+FFFD), which loses them: *found then has
 * RB_TEXT_INVALID_UTF8, so the caller can say so. */
RB_EXTERN size_t rb_text_json(char *out, size_t cap, const char *text, size_t len,
                              unsigned int *found);

#ifdef __cplusplus
}
#endif

#endif
