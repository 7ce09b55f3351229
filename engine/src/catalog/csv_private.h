/*
 * catalog/csv_private.h - a strict CSV reader for the engine's data files (RFC 4180 subset).
 *
 * Fields are unquoted in place inside the caller's buffer, so rows cost no allocation.
 * Strict on purpose: the files are edited by hand and validated at build time, so a
 * stray quote or control character is reported (line:column: reason), never guessed at.
 * Not supported: line breaks inside quoted fields.
 */
#ifndef RB_CATALOG_CSV_PRIVATE_H
#define RB_CATALOG_CSV_PRIVATE_H

#include <stddef.h>

typedef struct rb__csv {
    char *p;           /* read position */
    char *end;         /* one past the data; the buffer holds one more byte */
    char *line_start;
    unsigned line;     /* line number of p */
} rb__csv;

/* `buf` holds `len` bytes of data and must have room for len + 1. */
void rb__csv_init(rb__csv *c, char *buf, size_t len);

/* Reads the next row, skipping empty lines and lines starting with '#'. Returns 1 with
 * up to `max` fields (NUL-terminated, pointing into the buffer), their 1-based starting
 * columns and the row's line; 0 at the end; -1 on malformed input with "L:C: reason" in
 * err. After -1 the reader must not be used again. */
int rb__csv_row(rb__csv *c, char **fields, unsigned *cols, size_t max, size_t *n,
                unsigned *line, char *err, size_t errlen);

/* 1 if s is valid UTF-8 (no overlongs, no surrogates), else 0; *bad gets the offset. */
int rb__utf8_valid(const char *s, size_t len, size_t *bad);

#endif
