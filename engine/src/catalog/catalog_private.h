/* catalog/catalog_private.h - the catalog handle, shared by the files of this folder. */
#ifndef RB_CATALOG_CATALOG_PRIVATE_H
#define RB_CATALOG_CATALOG_PRIVATE_H

#include "core/internal.h"
#include "rescuebay/catalog.h"

struct rb_chip {
    uint32_t cpid;
    const char *name;
    unsigned line;
};

struct rb_guide_proc {
    rb_guide_step *steps;     /* id and text strings are owned (malloc) */
    size_t n;
    char *source;
};

#define RB_SCHEME_SLOTS 5 /* rb_button_scheme values, UNKNOWN unused */

struct rb_catalog {
    char *path;
    char *models_buf;         /* models.csv, fields point into it */
    char *chips_buf;
    rb_model *models;
    unsigned *lines;          /* source line of each model */
    size_t count;
    size_t *by_type;          /* indexes sorted by product type, then file order */
    size_t *by_chip;          /* sorted by (cpid, bdid) */
    struct rb_chip *chips;    /* sorted by cpid */
    size_t nchips;
    /* guides */
    struct rb_guide_proc guides[RB_SCHEME_SLOTS][RB_GUIDE_PROCEDURE_COUNT];
    char *hazard_text[RB_HAZARD_COUNT];
    int has_guides;
};

/* Error text "<path>:<line>:<col>: <reason>" kept until the open call returns. */
struct rb__catalog_loader {
    const char *path;
    char err[640];
};

/* Sets ld->err ("<path>: <reason>" when line is 0) and returns st. */
rb_status rb__catalog_failf(struct rb__catalog_loader *ld, rb_status st, unsigned line,
                            unsigned col, const char *fmt, ...) RB_PRINTF(5, 6);

/* Parses the file text already in cat->chips_buf / cat->models_buf (`len` bytes, one more
 * allocated). Chips go first: a model row without a chip column takes its chip name from
 * them. The models step also builds the lookup indexes. */
rb_status rb__catalog_parse_chips(rb_catalog *cat, struct rb__catalog_loader *ld, size_t len);
rb_status rb__catalog_parse_models(rb_catalog *cat, struct rb__catalog_loader *ld, size_t len);

/* Frees the guide part only (used when reloading). */
void rb__catalog_guides_clear(struct rb_catalog *cat);

/* Index (0..COUNT-1) of a single hazard bit, -1 if not exactly one known bit. */
int rb__hazard_index(unsigned int bit);

/* Parses "emergency_sos" etc.; 0 if unknown. */
unsigned int rb__hazard_from_name(const char *name, size_t len);

/* The same loading steps over memory instead of files (fuzzing, tests). `chips` and
 * `guides` may be NULL. On failure *error_out gets a malloc'd message. */
rb_status rb__catalog_from_buffers(rb_catalog **out, const char *models, size_t models_len,
                                   const char *chips, size_t chips_len, const char *guides,
                                   size_t guides_len, char **error_out);

/* Parses button guides from memory (`name` is used in messages). */
rb_status rb__catalog_guides_from_buffer(rb_catalog *cat, const char *name, const char *buf,
                                         size_t len, char **error_out);

#endif
