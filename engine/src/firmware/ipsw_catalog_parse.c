/* firmware/ipsw_catalog_parse.c - ipsw.me v4 JSON into rb_firmware_list (fuzzed: keep it pure). */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "firmware/firmware_private.h"

bool rb__fw_is_hex(const char *s, size_t n)
{
    if (!s || strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

void rb_firmware_list_free(rb_firmware_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        rb_firmware_build *b = &list->builds[i];
        rb__free_const(b->product_type);
        rb__free_const(b->version);
        rb__free_const(b->build);
        rb__free_const(b->sha1);
        rb__free_const(b->sha256);
        rb__free_const(b->url);
        rb__free_const(b->released);
    }
    free(list->builds);
    rb__free_const(list->product_type);
    rb__free_const(list->name);
    free(list);
}

static char *lower_dup(const char *s)
{
    char *d = rb__strdup(s);
    for (char *p = d; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

static const char *str_field(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Identifiers become file names (catalog/<PT>.json): letters, digits and ",._-" only. */
static bool safe_token(const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != ',' && c != '.' && c != '_' && c != '-')
            return false;
    }
    return s[0] != '.';
}

static rb_status parse_fw(rb_firmware_build *b, const cJSON *o, size_t i, char *err,
                          size_t errlen)
{
    if (!cJSON_IsObject(o)) {
        snprintf(err, errlen, "firmware #%zu is not an object", i);
        return RB_ERR_PARSE;
    }
    const char *id = str_field(o, "identifier"), *ver = str_field(o, "version");
    const char *bid = str_field(o, "buildid"), *sha1 = str_field(o, "sha1sum");
    const char *sha256 = str_field(o, "sha256sum"), *url = str_field(o, "url");
    const char *rel = str_field(o, "releasedate");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(o, "filesize");
    const cJSON *sig = cJSON_GetObjectItemCaseSensitive(o, "signed");
    const char *bad = NULL;
    if (!safe_token(id, 64))
        bad = "identifier";
    else if (!ver || !*ver || strlen(ver) > 32)
        bad = "version";
    else if (!safe_token(bid, 32))
        bad = "buildid";
    else if (!rb__fw_is_hex(sha1, 40))
        bad = "sha1sum";
    else if (sha256 && *sha256 && !rb__fw_is_hex(sha256, 64))
        bad = "sha256sum";
    else if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0))
        bad = "url";
    /* 2^53: beyond it a double no longer holds every integer; no IPSW comes close. */
    else if (!cJSON_IsNumber(size) || size->valuedouble < 1 || size->valuedouble > 9007199254740992.0 ||
             size->valuedouble != (double)(uint64_t)size->valuedouble)
        bad = "filesize";
    else if (sig && !cJSON_IsBool(sig))
        bad = "signed";
    if (bad) {
        snprintf(err, errlen, "firmware #%zu has a missing or invalid \"%s\"", i, bad);
        return RB_ERR_PARSE;
    }
    b->product_type = rb__strdup(id);
    b->version = rb__strdup(ver);
    b->build = rb__strdup(bid);
    b->sha1 = lower_dup(sha1);
    b->sha256 = lower_dup(sha256 ? sha256 : "");
    b->url = rb__strdup(url);
    b->released = rb__strdup(rel ? rel : "");
    b->size = (uint64_t)size->valuedouble;
    b->signed_now = cJSON_IsTrue(sig);
    if (!b->product_type || !b->version || !b->build || !b->sha1 || !b->sha256 || !b->url ||
        !b->released) {
        snprintf(err, errlen, "out of memory");
        return RB_ERR_NOMEM;
    }
    return RB_OK;
}

rb_status rb__fw_parse_catalog(rb_firmware_list **out, const char *json, size_t len,
                               const char *expect, char *err, size_t errlen)
{
    *out = NULL;
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        snprintf(err, errlen, "not valid JSON");
        return RB_ERR_PARSE;
    }
    rb_status st = RB_OK;
    const cJSON *fws = root;
    const char *id = NULL, *name = NULL;
    if (cJSON_IsObject(root)) {
        id = str_field(root, "identifier");
        name = str_field(root, "name");
        fws = cJSON_GetObjectItemCaseSensitive(root, "firmwares");
        if (!safe_token(id, 64)) {
            snprintf(err, errlen, "the device has no valid \"identifier\"");
            st = RB_ERR_PARSE;
            goto done;
        }
        if (expect && strcmp(id, expect) != 0) {
            snprintf(err, errlen, "catalog is for \"%s\", not \"%s\"", id, expect);
            st = RB_ERR_PARSE;
            goto done;
        }
    }
    if (!cJSON_IsArray(fws)) {
        snprintf(err, errlen, "no \"firmwares\" array");
        st = RB_ERR_PARSE;
        goto done;
    }
    rb_firmware_list *l = calloc(1, sizeof *l);
    int n = cJSON_GetArraySize(fws);
    if (!l || (n > 0 && !(l->builds = calloc((size_t)n, sizeof *l->builds)))) {
        free(l);
        snprintf(err, errlen, "out of memory");
        st = RB_ERR_NOMEM;
        goto done;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, fws)
    {
        st = parse_fw(&l->builds[l->count], it, l->count, err, errlen);
        l->count++;
        if (st == RB_OK && id && strcmp(l->builds[l->count - 1].product_type, id) != 0) {
            snprintf(err, errlen, "firmware #%zu is for \"%s\", not \"%s\"", l->count - 1,
                     l->builds[l->count - 1].product_type, id);
            st = RB_ERR_PARSE;
        }
        if (st != RB_OK)
            break;
    }
    if (st == RB_OK) {
        const char *pt = id ? id : (expect ? expect : (l->count ? l->builds[0].product_type : ""));
        l->product_type = rb__strdup(pt);
        l->name = rb__strdup(name ? name : "");
        if (!l->product_type || !l->name)
            st = RB_ERR_NOMEM;
    }
    if (st != RB_OK)
        rb_firmware_list_free(l);
    else
        *out = l;
done:
    cJSON_Delete(root);
    return st;
}
