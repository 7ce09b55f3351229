/*
 * rescuebay/catalog.h - the engine's own model table: every iPhone, iPad and iPod touch,
 * looked up by ProductType (normal mode) or by (CPID, BDID) (recovery/DFU), with what
 * the counter needs: marketing name, board, chip, button scheme, Home button, connector.
 *
 * The table is a data file (data/models.csv in the source tree, installed to
 * share/rescuebay/models.csv) validated at build time, so a new Apple model is a one-line
 * change. The installed libirecovery's own table is never used: Debian 12's stops at 2020.
 *
 * Threading: a loaded catalog is immutable and may be read from any number of threads at
 * once (every call except rb_catalog_load_guides and rb_catalog_free only reads it). The
 * *_name functions are pure. Errors follow the engine's one model (context.h, "Errors"):
 * the catalog has no error state of its own, so opening and loading report the detail on
 * the context given (NULL: status code only), read with rb_context_last_error.
 */
#include "context.h"

#ifndef RESCUEBAY_CATALOG_H
#define RESCUEBAY_CATALOG_H

#include "common.h"
#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rb_device_family {
    RB_FAMILY_UNKNOWN = 0,
    RB_FAMILY_IPHONE = 1,
    RB_FAMILY_IPAD = 2,
    RB_FAMILY_IPOD = 3,
    RB_FAMILY_OTHER = 4   /* Apple TV, Watch, Mac, T2...: identified only, not serviced */
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
    /* Added after the first contract; always filled. */
    const char *variant;         /* "GSM", "Wi-Fi, 1TB"; "" if the name says it all */
    unsigned int hazards;        /* RB_HAZARD_* bits: what staff must not press */
    int in_debian12_libirecovery; /* 1 if Debian 12's libirecovery 1.0.0 knows the board */
} rb_model;

/* Things on a model that staff can press by mistake during a button procedure. The
 * engine gives codes; the UI translates them (rb_hazard_text is the English fallback). */
typedef enum rb_hazard {
    RB_HAZARD_EMERGENCY_SOS = 1u << 0,      /* Side + volume held in iOS starts Emergency SOS */
    RB_HAZARD_ACTION_BUTTON = 1u << 1,      /* Action button above the volume keys */
    RB_HAZARD_CAMERA_CONTROL = 1u << 2,     /* Camera Control below the Side button */
    RB_HAZARD_VOLUME_ON_TOP_EDGE = 1u << 3, /* iPad volume keys on the top edge */
    RB_HAZARD_SOLID_STATE_HOME = 1u << 4,   /* Home button is a sensor, not part of any combo */
    RB_HAZARD_TOP_BUTTON = 1u << 5          /* power key on the top edge (Top button), not the side */
} rb_hazard;

#define RB_HAZARD_COUNT 6

typedef struct rb_catalog rb_catalog;

/* Loads the model table from `path`, or from the installed/built-in location if NULL
 * (the setting catalog.data_dir or $RESCUEBAY_DATA_DIR overrides: <dir>/models.csv). A
 * malformed file is refused with the line and the reason in ctx's error detail. ctx may
 * be NULL (no settings, no detail); it need not outlive the catalog. */
RB_EXTERN rb_status rb_catalog_open(rb_catalog **out, rb_context *ctx, const char *path);

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

/* "none", "mechanical", "solid_state". */
RB_EXTERN const char *rb_home_button_name(rb_home_button home);

/* Parses the names above back ("HOME_TOP", case-sensitive); RB_ERR_NOT_FOUND otherwise. */
RB_EXTERN rb_status rb_button_scheme_from_name(rb_button_scheme *out, const char *name);

/* Where rb_catalog_open(.., ctx, NULL) would read the table from: the setting
 * catalog.data_dir ($RESCUEBAY_DATA_DIR; ctx may be NULL), else
 * ../share/rescuebay next to the executable, the install prefix, the build tree, the
 * source tree. Caller frees with rb_free. RB_ERR_NOT_FOUND if no candidate exists. */
RB_EXTERN rb_status rb_catalog_default_path(char **out, const rb_context *ctx);

/* Path the catalog was loaded from; never NULL. */
RB_EXTERN const char *rb_catalog_path(const rb_catalog *cat);

/* Search by CPID alone (recovery/DFU string seen but board unknown): fills up to `max`
 * models with that chip id, returns how many there are. */
RB_EXTERN size_t rb_catalog_by_cpid(const rb_catalog *cat, uint32_t cpid,
                                    const rb_model **out, size_t max);

/* Chip name for a CPID from the chip table ("A13 Bionic"), NULL if unknown. */
RB_EXTERN const char *rb_catalog_chip_name(const rb_catalog *cat, uint32_t cpid);

/* ---- Button guides (the kiosk's Guide screen) ---------------------------------------
 * Per button scheme, machine-readable steps for each procedure. Texts are English
 * fallbacks: the UI builds its translated text from the codes (action, buttons,
 * until, seconds) or from the step id. Loaded from button-guides.json next to the model
 * table by rb_catalog_open. */

typedef enum rb_guide_procedure {
    RB_GUIDE_ENTER_RECOVERY = 0,
    RB_GUIDE_ENTER_DFU = 1,
    RB_GUIDE_EXIT_RECOVERY = 2,
    RB_GUIDE_EXIT_DFU = 3
} rb_guide_procedure;

#define RB_GUIDE_PROCEDURE_COUNT 4

/* Named physical buttons; a step holds a set of them (bit mask). Side and Top are the
 * same role (the sleep/wake button). iPads without Home use nearest/farthest because
 * the volume keys may sit on the top edge. */
typedef enum rb_button {
    RB_BUTTON_HOME = 1u << 0,
    RB_BUTTON_SIDE = 1u << 1,                /* Side (iPhone 6+), Top (iPad, iPod, old iPhone) */
    RB_BUTTON_VOLUME_UP = 1u << 2,
    RB_BUTTON_VOLUME_DOWN = 1u << 3,
    RB_BUTTON_VOLUME_NEAREST_TOP = 1u << 4,  /* iPad: volume key nearest the Top button */
    RB_BUTTON_VOLUME_FARTHEST_TOP = 1u << 5  /* iPad: volume key farthest from the Top button */
} rb_button;

#define RB_BUTTON_COUNT 6

typedef enum rb_guide_action {
    RB_ACTION_CONNECT = 0,  /* plug the data cable into the kiosk */
    RB_ACTION_PRESS = 1,    /* press and quickly release (< 1 s) */
    RB_ACTION_HOLD = 2,     /* press (or keep pressing) every button in the set */
    RB_ACTION_RELEASE = 3   /* let go of the buttons in the set, keep any others */
} rb_guide_action;

/* What ends a step besides its seconds. */
typedef enum rb_guide_until {
    RB_UNTIL_NONE = 0,
    RB_UNTIL_SCREEN_BLACK = 1,
    RB_UNTIL_APPLE_LOGO = 2,
    RB_UNTIL_RECOVERY_SCREEN = 3,
    RB_UNTIL_USB_MODE = 4        /* the kiosk sees the step's expected USB mode */
} rb_guide_until;

/* USB mode the kiosk should see once the step is done. Values match rb_device_mode
 * (device.h) so the two compare directly; RB_GUIDE_USB_ANY = not checked. */
typedef enum rb_guide_usb {
    RB_GUIDE_USB_ANY = 0,
    RB_GUIDE_USB_NORMAL = 1,
    RB_GUIDE_USB_RECOVERY = 2,
    RB_GUIDE_USB_DFU = 3
} rb_guide_usb;

typedef struct rb_guide_step {
    const char *id;          /* stable key within the procedure, e.g. "hold_side_until_black" */
    rb_guide_action action;
    unsigned int buttons;    /* RB_BUTTON_* bits; 0 for CONNECT */
    double seconds;          /* nominal duration; 0 = momentary or open-ended */
    double seconds_max;      /* upper bound worth waiting; 0 = none */
    rb_guide_until until;
    rb_guide_usb expect;
    const char *text;        /* English fallback */
} rb_guide_step;

/* The steps of `proc` for `model`'s button scheme (owned by the catalog).
 * RB_ERR_NOT_FOUND when the model has no scheme (e.g. RB_FAMILY_OTHER) or no guide file
 * was loaded; RB_ERR_INVALID_ARG for a bad argument. */
RB_EXTERN rb_status rb_catalog_guide(const rb_catalog *cat, const rb_model *model,
                                     rb_guide_procedure proc,
                                     const rb_guide_step **steps, size_t *n);

/* Same, by scheme. */
RB_EXTERN rb_status rb_catalog_guide_for_scheme(const rb_catalog *cat, rb_button_scheme scheme,
                                                rb_guide_procedure proc,
                                                const rb_guide_step **steps, size_t *n);

/* Where the procedure text comes from: "apple" (Apple's support wording) or "community"
 * (DFU timings Apple does not publish). NULL if no guide is loaded. */
RB_EXTERN const char *rb_catalog_guide_source(const rb_catalog *cat, rb_button_scheme scheme,
                                              rb_guide_procedure proc);

/* Loads (or replaces) the guides from a JSON file; errors as for rb_catalog_open. Not
 * while other threads use the catalog (every other call only reads it). */
RB_EXTERN rb_status rb_catalog_load_guides(rb_catalog *cat, rb_context *ctx, const char *path);

/* Stable names: "enter_recovery"...; "home", "side", "volume_up"...; "press"...;
 * "screen_black"...; "emergency_sos"... Single bits only for buttons and hazards. */
RB_EXTERN const char *rb_guide_procedure_name(rb_guide_procedure proc);
RB_EXTERN const char *rb_button_name(rb_button button);
RB_EXTERN const char *rb_guide_action_name(rb_guide_action action);
RB_EXTERN const char *rb_guide_until_name(rb_guide_until until);
RB_EXTERN const char *rb_hazard_name(rb_hazard hazard);

/* English fallback sentence for a hazard (from the guide file, else built in). */
RB_EXTERN const char *rb_hazard_text(const rb_catalog *cat, rb_hazard hazard);

#ifdef __cplusplus
}
#endif

#endif
