/*
 * rescuebay/catalog.h - the engine's own model table: every iPhone, iPad and iPod touch,
 * looked up by ProductType (normal mode) or by (CPID, BDID) (recovery/DFU), with what
 * the counter needs: marketing name, board, chip, button scheme, Home button, connector.
 *
 * The table is a data file (data/models.csv in the source tree, installed to
 * share/rescuebay/models.csv) validated at build time, so a new Apple model is a one-line
 * change. The installed libirecovery's own table is never used: Debian 12's stops at 2020.
 */
#ifndef RESCUEBAY_CATALOG_H
#define RESCUEBAY_CATALOG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rb_device_family {
    RB_FAMILY_UNKNOWN = 0,
    RB_FAMILY_IPHONE = 1,
    RB_FAMILY_IPAD = 2,
    RB_FAMILY_IPOD = 3
} rb_device_family;

/* Button scheme for entering/leaving recovery and DFU (reference: button_schemes.json). */
typedef enum rb_button_scheme {
    RB_BUTTONS_UNKNOWN = 0,
    RB_BUTTONS_HOME_TOP = 1,            /* Home + Top/Side */
    RB_BUTTONS_VOLDOWN_SIDE = 2,        /* iPhone 7 family, iPod touch 7 */
    RB_BUTTONS_VOLUP_VOLDOWN_SIDE = 3,  /* iPhone 8 and later */
    RB_BUTTONS_IPAD_NOHOME = 4          /* iPads without a Home button */
} rb_button_scheme;

typedef enum rb_home_button {
    RB_HOME_NONE = 0,
    RB_HOME_MECHANICAL = 1,
    RB_HOME_SOLID_STATE = 2   /* iPhone 7/8/SE 2-3: not used for recovery/DFU */
} rb_home_button;

typedef struct rb_model {
    const char *product_type;    /* "iPhone12,1" */
    const char *hardware_model;  /* "n104ap" */
    const char *name;            /* "iPhone 11" */
    const char *chip;            /* "A13 Bionic" */
    const char *connector;       /* "Lightning", "USB-C", "30-pin" */
    const char *controls_note;   /* e.g. "Action button above the volume keys"; "" if none */
    uint32_t cpid;
    uint32_t bdid;
    rb_device_family family;
    rb_button_scheme buttons;
    rb_home_button home_button;
    int dfu_may_use_kis;         /* DFU may enumerate as 0x1881 (A16 generation and newer) */
} rb_model;

typedef struct rb_catalog rb_catalog;

/* Loads the model table from `path`, or from the installed/built-in location if NULL
 * ($RESCUEBAY_DATA_DIR/models.csv overrides). A malformed file is refused with the line
 * and the reason in the error detail (`error_out`, if given, receives a copy the caller
 * frees with rb_free). */
RB_EXTERN rb_status rb_catalog_open(rb_catalog **out, const char *path, char **error_out);

/* Releases the catalog; NULL is a no-op. */
RB_EXTERN void rb_catalog_free(rb_catalog *cat);

/* Number of models and the i-th, in file order. */
RB_EXTERN size_t rb_catalog_count(const rb_catalog *cat);
RB_EXTERN const rb_model *rb_catalog_at(const rb_catalog *cat, size_t i);

/* Lookups; NULL when unknown. Owned by the catalog. */
RB_EXTERN const rb_model *rb_catalog_by_product_type(const rb_catalog *cat, const char *product_type);
RB_EXTERN const rb_model *rb_catalog_by_chip(const rb_catalog *cat, uint32_t cpid, uint32_t bdid);

/* Case-insensitive search over product type, board, name and chip; fills up to `max`
 * matches and returns how many matched in total. */
RB_EXTERN size_t rb_catalog_search(const rb_catalog *cat, const char *query,
                                   const rb_model **out, size_t max);

/* Display names: "iPhone", "iPad", "iPod touch", "unknown"; "HOME_TOP" ... */
RB_EXTERN const char *rb_device_family_name(rb_device_family family);
RB_EXTERN const char *rb_button_scheme_name(rb_button_scheme scheme);

#ifdef __cplusplus
}
#endif

#endif
