/* core/status.c - names and descriptions of rb_status codes. */
#include "rescuebay/common.h"

struct status_entry {
    rb_status code;
    const char *name;
    const char *text;
};

static const struct status_entry status_table[] = {
    {RB_OK, "RB_OK", "success"},
    {RB_ERR_GENERIC, "RB_ERR_GENERIC", "unexpected failure"},
    {RB_ERR_NOMEM, "RB_ERR_NOMEM", "out of memory"},
    {RB_ERR_INVALID_ARG, "RB_ERR_INVALID_ARG", "invalid argument"},
    {RB_ERR_NOT_FOUND, "RB_ERR_NOT_FOUND", "not found"},
    {RB_ERR_IO, "RB_ERR_IO", "input/output error"},
    {RB_ERR_PARSE, "RB_ERR_PARSE", "malformed data"},
    {RB_ERR_CANCELLED, "RB_ERR_CANCELLED", "cancelled"},
    {RB_ERR_TIMEOUT, "RB_ERR_TIMEOUT", "timed out"},
    {RB_ERR_UNSUPPORTED, "RB_ERR_UNSUPPORTED", "not possible"},
    {RB_ERR_BUSY, "RB_ERR_BUSY", "busy"},
    {RB_ERR_PERMISSION, "RB_ERR_PERMISSION", "permission denied"},
    {RB_ERR_DEVICE, "RB_ERR_DEVICE", "device error"},
    {RB_ERR_NOT_PAIRED, "RB_ERR_NOT_PAIRED", "device does not trust this computer"},
    {RB_ERR_PAIR_PENDING, "RB_ERR_PAIR_PENDING", "waiting for Trust on the device"},
    {RB_ERR_PAIR_REFUSED, "RB_ERR_PAIR_REFUSED", "trust was refused on the device"},
    {RB_ERR_NETWORK, "RB_ERR_NETWORK", "network error"},
    {RB_ERR_HTTP, "RB_ERR_HTTP", "server error"},
    {RB_ERR_VERIFY, "RB_ERR_VERIFY", "verification failed"},
    {RB_ERR_DISK_FULL, "RB_ERR_DISK_FULL", "disk full"},
    {RB_ERR_DB, "RB_ERR_DB", "database error"},
    {RB_ERR_CORRUPT, "RB_ERR_CORRUPT", "damaged data"},
    {RB_ERR_PASSWORD, "RB_ERR_PASSWORD", "password needed or wrong"},
    {RB_ERR_AUTH, "RB_ERR_AUTH", "sign-in failed"},
    {RB_ERR_LOCKED, "RB_ERR_LOCKED", "locked after too many attempts"},
    {RB_ERR_CONFLICT, "RB_ERR_CONFLICT", "conflict"},
    {RB_ERR_NEEDS_BUTTONS, "RB_ERR_NEEDS_BUTTONS", "only the device's buttons can do this"},
    {RB_ERR_REFUSED, "RB_ERR_REFUSED", "refused by a safety check"},
};

static const struct status_entry *find(rb_status s)
{
    for (size_t i = 0; i < sizeof status_table / sizeof status_table[0]; i++)
        if (status_table[i].code == s)
            return &status_table[i];
    return NULL;
}

const char *rb_status_name(rb_status status)
{
    const struct status_entry *e = find(status);
    return e ? e->name : "RB_ERR_UNKNOWN";
}

const char *rb_strerror(rb_status status)
{
    const struct status_entry *e = find(status);
    return e ? e->text : "unknown error";
}

const char *rb_version(void)
{
    return RB_VERSION_STRING;
}
