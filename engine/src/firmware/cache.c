/* firmware/cache.c - opening the cache, fetch (with the cross-process lock), ensure. */
#include "firmware/curl_lazy_private.h"
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/platform.h"
#include "firmware/firmware_private.h"

#define DEFAULT_CATALOG_URL "https://api.ipsw.me/v4"
#define DEFAULT_RETRIES 5

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

rb_status rb_firmware_options_init(rb_firmware_options *o, unsigned int version)
{
    if (!o || version != RB_FIRMWARE_OPTIONS_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_firmware_options d = RB_FIRMWARE_OPTIONS_INIT;
    *o = d;
    return RB_OK;
}

rb_status rb_firmware_fetch_options_init(rb_firmware_fetch_options *o, unsigned int version)
{
    if (!o || version < 1 || version > RB_FIRMWARE_FETCH_OPTIONS_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_firmware_fetch_options d = RB_FIRMWARE_FETCH_OPTIONS_INIT;
    if (version == 1) {
        /* A caller built against version 1 has the shorter struct. */
        memcpy(o, &d, offsetof(rb_firmware_fetch_options, max_seconds));
        o->version = 1;
    } else {
        *o = d;
    }
    return RB_OK;
}

rb_status rb_firmware_parse_size(uint64_t *out, const char *text)
{
    if (!out || !text || !*text)
        return RB_ERR_INVALID_ARG;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || v < 0)
        return RB_ERR_INVALID_ARG;
    double mul = 1;
    switch (*end) {
    case 'k': case 'K': mul = 1024.0; end++; break;
    case 'm': case 'M': mul = 1024.0 * 1024; end++; break;
    case 'g': case 'G': mul = 1024.0 * 1024 * 1024; end++; break;
    case 't': case 'T': mul = 1024.0 * 1024 * 1024 * 1024; end++; break;
    default: break;
    }
    if (*end == 'i')
        end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v * mul > 1.8e19)
        return RB_ERR_INVALID_ARG;
    *out = (uint64_t)(v * mul);
    return RB_OK;
}

void rb_firmware_free(rb_firmware *fw)
{
    if (!fw)
        return;
    rb__fw_index_close(fw);
    free(fw->dir);
    free(fw->objdir);
    free(fw->partdir);
    free(fw->catdir);
    free(fw->catalog_url);
    rb__errs_free(fw->err);
    free(fw);
}

const char *rb_firmware_last_error(const rb_firmware *fw)
{
    return rb__errs_last(fw ? fw->err : NULL);
}

const char *rb_firmware_last_warning(const rb_firmware *fw)
{
    return fw ? fw->warning : "";
}

const char *rb_firmware_cache_dir(const rb_firmware *fw)
{
    return fw ? fw->dir : NULL;
}

rb_status rb_firmware_open(rb_firmware **out, rb_context *ctx, const rb_firmware_options *opts)
{
    if (!out || !ctx || (opts && opts->version != RB_FIRMWARE_OPTIONS_VERSION))
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_firmware_options defaults = RB_FIRMWARE_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    pthread_once(&curl_once, curl_init_once);
    rb_firmware *fw = calloc(1, sizeof *fw);
    if (!fw)
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    fw->ctx = ctx;
    if (!(fw->err = rb__errs_new())) {
        free(fw);
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    }
    const char *dir = opts->cache_dir ? opts->cache_dir
                                      : rb_context_setting(ctx, "firmware.cache_dir", NULL);
    fw->dir = dir && *dir ? rb__strdup(dir) : rb__path_join(rb_context_home(ctx), "firmware");
    const char *url = opts->catalog_url;
    if (!url || !*url)
        url = rb_context_setting(ctx, "firmware.catalog_url", DEFAULT_CATALOG_URL);
    fw->catalog_url = rb__strdup(url);
    if (fw->catalog_url) {
        size_t n = strlen(fw->catalog_url);
        while (n > 0 && fw->catalog_url[n - 1] == '/')
            fw->catalog_url[--n] = '\0';
    }
    fw->budget = opts->budget_bytes;
    const char *b = rb_context_setting(ctx, "firmware.cache_budget", NULL);
    if (!fw->budget && b && rb_firmware_parse_size(&fw->budget, b) != RB_OK) {
        rb_firmware_free(fw);
        return rb__error(ctx, RB_ERR_INVALID_ARG, "firmware.cache_budget '%s' is not a size", b);
    }
    fw->rate_limit = opts->rate_limit;
    const char *r = rb_context_setting(ctx, "firmware.rate_limit", NULL);
    if (!fw->rate_limit && r && rb_firmware_parse_size(&fw->rate_limit, r) != RB_OK) {
        rb_firmware_free(fw);
        return rb__error(ctx, RB_ERR_INVALID_ARG, "firmware.rate_limit '%s' is not a size", r);
    }
    if (rb__fw_net_settings(fw) != RB_OK) {
        rb_firmware_free(fw);
        return rb_context_last_status(ctx);
    }
    fw->max_retries = opts->max_retries >= 0 ? opts->max_retries : DEFAULT_RETRIES;
    fw->offline = opts->offline;
    fw->objdir = rb__path_join(fw->dir, "objects");
    fw->partdir = rb__path_join(fw->dir, "partial");
    fw->catdir = rb__path_join(fw->dir, "catalog");
    if (!fw->dir || !fw->catalog_url || !fw->objdir || !fw->partdir || !fw->catdir) {
        rb_firmware_free(fw);
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    }
    const char *dirs[] = {fw->objdir, fw->partdir, fw->catdir};
    for (int i = 0; i < 3; i++) {
        int err = rb__mkdirs(dirs[i], 0755);
        if (err) {
            rb_status st = rb__error(ctx, rb__status_from_errno(err),
                                     "cannot create the firmware cache %s: %s", dirs[i],
                                     strerror(err));
            rb_firmware_free(fw);
            return st;
        }
    }
    rb_status st = rb__fw_index_open(fw);
    if (st == RB_OK)
        st = rb__fw_index_reconcile(fw);
    if (st != RB_OK) {
        rb__error(ctx, st, "%s", rb__errs_last(fw->err));
        rb_firmware_free(fw);
        return st;
    }
    *out = fw;
    return RB_OK;
}

static bool object_present(rb_firmware *fw, const char *sha1, rb_firmware_result *res,
                           const rb_firmware_fetch_options *opts)
{
    if (!rb__fw_index_has(fw, sha1, NULL))
        return false;
    char *p = rb__fw_object_path(fw, sha1);
    bool ok = p && access(p, R_OK) == 0;
    char boot[64];
    rb__fw_boot_id(boot);
    if (ok && rb__fw_index_needs_check(fw, sha1, boot)) {
        /* Committed before a reboot and never confirmed durable: hash before trusting. */
        bool bad = false;
        rb__log("firmware", "%s was committed before a reboot: re-verifying", sha1);
        ok = rb__fw_verify_one(fw, sha1, &bad, opts) == RB_OK && !bad;
        free(p);
        return ok && snprintf(res->path, sizeof res->path, "%s/%s.ipsw", fw->objdir, sha1) > 0;
    }
    if (ok)
        snprintf(res->path, sizeof res->path, "%s", p);
    else
        rb__fw_index_remove(fw, sha1);
    free(p);
    return ok;
}

/* Evicts older unpinned files to stay in the budget, sparing the file just fetched. */
static void enforce_budget(rb_firmware *fw, const char *keep)
{
    uint64_t freed = 0;
    if (fw->budget)
        rb__fw_prune(fw, fw->budget, keep, &freed);
}

/* Holds partial/<sha1>.lock (flock: released by the kernel if we die). While another
 * process holds it, reports WAITING with the size of its .part so a waiting counter
 * shows the other's progress. */
static rb_status take_lock(rb_firmware *fw, const char *sha1, uint64_t size, int *fd_out,
                           int *waited, const rb_firmware_fetch_options *opts)
{
    char *lp = rb__sprintf("%s/%s.lock", fw->partdir, sha1);
    char *pp = rb__sprintf("%s/%s.part", fw->partdir, sha1);
    rb_status st = RB_OK;
    int fd = lp ? open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0644) : -1;
    if (fd < 0) {
        st = FW_ERR(fw, lp ? rb__status_from_errno(errno) : RB_ERR_NOMEM,
                    "cannot create the lock %s: %s", lp ? lp : "", strerror(errno));
        goto out;
    }
    while (rb__lock_try(fd) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            st = FW_ERR(fw, rb__status_from_errno(errno), "cannot lock %s: %s", lp,
                        strerror(errno));
            break;
        }
        *waited = 1;
        struct stat sb;
        uint64_t done = pp && stat(pp, &sb) == 0 ? (uint64_t)sb.st_size : 0;
        if (rb__fw_report(opts, RB_FIRMWARE_STEP_WAITING, done, size) < 0) {
            st = FW_ERR(fw, RB_ERR_CANCELLED, "cancelled while waiting for another download");
            break;
        }
        struct timespec ts = {0, 200 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (st != RB_OK) {
        close(fd);
        fd = -1;
    }
out:
    *fd_out = fd;
    free(lp);
    free(pp);
    return st;
}

rb_status rb_firmware_fetch(rb_firmware_result *res, rb_firmware *fw,
                            const rb_firmware_build *b, const rb_firmware_fetch_options *opts)
{
    if (!res || !fw || !b || !b->sha1 || !b->url)
        return RB_ERR_INVALID_ARG;
    memset(res, 0, sizeof *res);
    fw->warning[0] = '\0';
    if (!rb__fw_is_hex(b->sha1, 40) || b->size == 0)
        return FW_ERR(fw, RB_ERR_INVALID_ARG, "the build has no valid SHA-1 or size");
    for (int i = 0; i < 40; i++)
        res->sha1[i] = (char)((b->sha1[i] >= 'A' && b->sha1[i] <= 'F') ? b->sha1[i] + 32 : b->sha1[i]);
    res->size = b->size;
    rb_firmware_build lb = *b;
    lb.sha1 = res->sha1;
    const char *sha1 = res->sha1;
    if (object_present(fw, sha1, res, opts)) {
        res->already_cached = 1;
        rb__fw_index_touch(fw, sha1);
        return opts && opts->pin ? rb_firmware_pin(fw, sha1, 1) : RB_OK;
    }
    int lfd = -1;
    rb_status st = take_lock(fw, sha1, b->size, &lfd, &res->waited_for_other, opts);
    if (st != RB_OK)
        return st;
    /* The holder may have finished it while we waited. */
    rb__fw_index_reconcile(fw);
    if (object_present(fw, sha1, res, opts)) {
        res->already_cached = 1;
        rb__fw_index_touch(fw, sha1);
        if (opts && opts->pin)
            st = rb_firmware_pin(fw, sha1, 1);
    } else {
        st = rb__fw_download(fw, &lb, opts, res);
    }
    close(lfd);   /* releases the flock */
    if (st == RB_OK)
        enforce_budget(fw, sha1);
    return st;
}

rb_status rb_firmware_fetch_sha1(rb_firmware_result *res, rb_firmware *fw, const char *sha1,
                                 const rb_firmware_fetch_options *opts)
{
    if (!res || !fw || !sha1)
        return RB_ERR_INVALID_ARG;
    if (!rb__fw_is_hex(sha1, 40))
        return FW_ERR(fw, RB_ERR_INVALID_ARG, "'%s' is not a SHA-1 (40 hex digits)", sha1);
    char low[41];
    for (int i = 0; i < 41; i++)
        low[i] = (char)((sha1[i] >= 'A' && sha1[i] <= 'F') ? sha1[i] + 32 : sha1[i]);
    rb_firmware_list *l = NULL;
    rb_status st = rb__fw_index_find_build(&l, fw, low);
    if (st != RB_OK)
        return st;
    st = rb_firmware_fetch(res, fw, &l->builds[0], opts);
    rb_firmware_list_free(l);
    return st;
}

rb_status rb_firmware_ensure(rb_firmware_result *res, rb_firmware *fw, const char *pt,
                             const char *build, const rb_firmware_fetch_options *opts)
{
    if (!res || !fw || !pt)
        return RB_ERR_INVALID_ARG;
    memset(res, 0, sizeof *res);
    rb__fw_report(opts, RB_FIRMWARE_STEP_CATALOG, 0, 0);
    rb_firmware_list *l = NULL;
    rb_status st = rb_firmware_catalog(&l, fw, pt, build && *build ? 0u : RB_FIRMWARE_REFRESH);
    if (fw->warning[0])
        rb__fw_report(opts, RB_FIRMWARE_STEP_INSECURE, 0, 0);
    if (st != RB_OK)
        return st;
    const rb_firmware_build *pick = NULL;
    for (size_t i = 0; i < l->count; i++) {
        const rb_firmware_build *c = &l->builds[i];
        if (build && *build) {
            if (strcmp(c->build, build) == 0) {
                pick = c;
                break;
            }
        } else if (c->signed_now && (!pick || strcmp(c->released, pick->released) > 0)) {
            pick = c;
        }
    }
    if (!pick)
        st = build && *build
                 ? FW_ERR(fw, RB_ERR_NOT_FOUND, "%s has no build %s in the catalog", pt, build)
                 : FW_ERR(fw, RB_ERR_NOT_FOUND, "Apple signs no build for %s (as of the catalog)",
                          pt);
    else
        st = rb_firmware_fetch(res, fw, pick, opts);
    rb_firmware_list_free(l);
    return st;
}
