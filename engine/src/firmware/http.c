/* firmware/http.c - libcurl settings shared by catalog and file transfers, the catalog
 * GET, and the retry backoff. */
#include "firmware/curl_lazy_private.h"
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "firmware/firmware_private.h"

#define CATALOG_MAX_BYTES (16u << 20)
#define CATALOG_MAX_SECONDS 60

void rb__fw_http_setup_common(void *curl, const rb_firmware *fw)
{
    CURL *c = curl;
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    /* TLS verification stays on: a mirror with a bad certificate is an error, not a
     * warning (idevicerestore turns it off; we do not). */
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    /* The scheme rule again at libcurl's level, so a redirect cannot step around it. */
    bool http = fw && fw->allow_http;
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, http ? "http,https" : "https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, http ? "http,https" : "https");
#else
    long protos = http ? (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS) : (long)CURLPROTO_HTTPS;
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, protos);
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, protos);
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
    /* A stalled or trickling connection (cable pulled, Wi-Fi gone, a hostile server
     * sending a byte now and then) is dropped below the minimum average speed, then
     * resumed by the retry loop. */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, (long)(fw && fw->min_speed ? fw->min_speed : 1));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
                     (long)(fw && fw->min_speed_window > 0 ? fw->min_speed_window : 60));
    curl_easy_setopt(c, CURLOPT_USERAGENT, "rescuebay/" RB_FW_VERSION);
    if (fw && fw->rate_limit)
        curl_easy_setopt(c, CURLOPT_MAX_RECV_SPEED_LARGE, (curl_off_t)fw->rate_limit);
}

rb_status rb__fw_url_check(rb_firmware *fw, const char *url, const char *what,
                           const rb_firmware_fetch_options *opts)
{
    if (strncasecmp(url, "https://", 8) == 0)
        return RB_OK;
    if (strncasecmp(url, "http://", 7) != 0)
        return FW_ERR(fw, RB_ERR_UNSUPPORTED, "%s URL %s is neither https:// nor http://", what,
                      url);
    if (!fw->allow_http)
        return FW_ERR(fw, RB_ERR_UNSUPPORTED,
                      "refusing plain http for %s (%s): firmware and catalogs must come over "
                      "https; for a store mirror on the LAN set firmware.allow_http = yes in "
                      "rescuebay.conf",
                      what, url);
    if (!fw->warning[0]) {
        snprintf(fw->warning, sizeof fw->warning,
                 "%s comes over plain http (%s), allowed by firmware.allow_http: anyone on "
                 "the network path can read or block it (files are still hash-checked)",
                 what, url);
        rb__log("firmware", "%s", fw->warning);
        rb__fw_report(opts, RB_FIRMWARE_STEP_INSECURE, 0, 0);
    }
    return RB_OK;
}

static rb_status setting_int(rb_firmware *fw, const char *key, int lo, int hi, int *out)
{
    const char *v = rb_context_setting(fw->ctx, key, NULL);
    if (!v)
        return RB_OK;
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return rb__error(fw->ctx, RB_ERR_INVALID_ARG, "%s '%s' is not a number of seconds "
                         "from %d to %d", key, v, lo, hi);
    *out = (int)n;
    return RB_OK;
}

rb_status rb__fw_net_settings(rb_firmware *fw)
{
    const char *h = rb_context_setting(fw->ctx, "firmware.allow_http", "no");
    if (!strcasecmp(h, "yes") || !strcasecmp(h, "true") || !strcmp(h, "1") || !strcasecmp(h, "on"))
        fw->allow_http = 1;
    else if (strcasecmp(h, "no") && strcasecmp(h, "false") && strcmp(h, "0") && strcasecmp(h, "off"))
        return rb__error(fw->ctx, RB_ERR_INVALID_ARG, "firmware.allow_http '%s' is not yes or no",
                         h);
    fw->min_speed = 1024;
    const char *ms = rb_context_setting(fw->ctx, "firmware.min_speed", NULL);
    if (ms && (rb_firmware_parse_size(&fw->min_speed, ms) != RB_OK || fw->min_speed > LONG_MAX))
        return rb__error(fw->ctx, RB_ERR_INVALID_ARG, "firmware.min_speed '%s' is not a speed "
                         "in bytes/s (e.g. 1K)", ms);
    /* A rate limit below the minimum would drop every transfer: the limit wins. */
    if (fw->rate_limit && fw->min_speed > fw->rate_limit / 2)
        fw->min_speed = fw->rate_limit / 2 ? fw->rate_limit / 2 : 1;
    if (!fw->min_speed)
        fw->min_speed = 1;
    fw->min_speed_window = 60;
    rb_status st = setting_int(fw, "firmware.min_speed_window", 1, 86400, &fw->min_speed_window);
    if (st == RB_OK)
        st = setting_int(fw, "firmware.max_time", 0, INT32_MAX, &fw->max_time_s);
    return st;
}

struct mem {
    fw_http_reply *r;
    size_t cap;
    int too_big;
    size_t errbody;      /* bytes of an error page, discarded */
    int err_cut;
};

static size_t mem_write(char *p, size_t sz, size_t n, void *ud)
{
    struct mem *m = ud;
    size_t len = sz * n;
    if (m->r->status >= 400) {
        m->errbody += len;
        if (m->errbody > FW_ERROR_BODY_MAX) {
            m->err_cut = 1;
            return 0;
        }
        return len;
    }
    if (m->r->len + len > CATALOG_MAX_BYTES) {
        m->too_big = 1;
        return 0;
    }
    if (m->r->len + len + 1 > m->cap) {
        size_t nc = (m->r->len + len + 1) * 2;
        char *nb = realloc(m->r->body, nc);
        if (!nb)
            return 0;
        m->r->body = nb;
        m->cap = nc;
    }
    memcpy(m->r->body + m->r->len, p, len);
    m->r->len += len;
    m->r->body[m->r->len] = '\0';
    return len;
}

static void header_value(const char *line, size_t len, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    if (len <= n + 1 || strncasecmp(line, name, n) != 0 || line[n] != ':')
        return;
    const char *v = line + n + 1;
    const char *e = line + len;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' '))
        e--;
    size_t vl = (size_t)(e - v);
    if (vl >= cap)
        vl = cap - 1;
    memcpy(out, v, vl);
    out[vl] = '\0';
}

static size_t mem_header(char *p, size_t sz, size_t n, void *ud)
{
    fw_http_reply *r = ud;
    size_t len = sz * n;
    if (len > 5 && strncmp(p, "HTTP/", 5) == 0) {
        r->etag[0] = r->last_modified[0] = '\0';   /* a new response (redirect) */
        const char *sp = memchr(p, ' ', len);
        r->status = sp ? strtol(sp + 1, NULL, 10) : 0;
    }
    header_value(p, len, "ETag", r->etag, sizeof r->etag);
    header_value(p, len, "Last-Modified", r->last_modified, sizeof r->last_modified);
    return len;
}

rb_status rb__fw_http_get(rb_firmware *fw, const char *url, const char *etag,
                          const char *last_modified, fw_http_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    rb_status ust = rb__fw_url_check(fw, url, "the catalog", NULL);
    if (ust != RB_OK)
        return ust;
    CURL *c = curl_easy_init();
    if (!c)
        return FW_ERR(fw, RB_ERR_UNSUPPORTED, "cannot start libcurl %s", rb__curl_load_error());
    struct mem m = {reply, 0, 0, 0, 0};
    struct curl_slist *hdrs = NULL;
    char line[512];
    if (etag && *etag) {
        snprintf(line, sizeof line, "If-None-Match: %s", etag);
        hdrs = curl_slist_append(hdrs, line);
    }
    if (last_modified && *last_modified) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", last_modified);
        hdrs = curl_slist_append(hdrs, line);
    }
    char ebuf[CURL_ERROR_SIZE] = "";
    rb__fw_http_setup_common(c, fw);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, mem_write);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &m);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, mem_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, reply);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)CATALOG_MAX_SECONDS);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
    curl_easy_cleanup(c);
    curl_slist_free_all(hdrs);
    if (m.too_big)
        return FW_ERR(fw, RB_ERR_PARSE, "catalog %s is larger than %u bytes", url,
                      CATALOG_MAX_BYTES);
    if (m.err_cut)
        return FW_ERR(fw, RB_ERR_HTTP, "%s: HTTP %ld (its error page went on past %u KiB: cut "
                      "off)", url, reply->status, FW_ERROR_BODY_MAX / 1024);
    if (rc == CURLE_OPERATION_TIMEDOUT && reply->status >= 400)
        return FW_ERR(fw, RB_ERR_HTTP, "%s: HTTP %ld (and its error page came too slowly)", url,
                      reply->status);
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return FW_ERR(fw, RB_ERR_TIMEOUT, "%s: the server answered too slowly (under %llu "
                      "bytes/s for %d s, or not within %d s): %s", url,
                      (unsigned long long)fw->min_speed, fw->min_speed_window, CATALOG_MAX_SECONDS,
                      *ebuf ? ebuf : curl_easy_strerror(rc));
    if (rc != CURLE_OK)
        return FW_ERR(fw, RB_ERR_NETWORK, "%s: %s", url, *ebuf ? ebuf : curl_easy_strerror(rc));
    if (reply->status != 200 && reply->status != 304)
        return FW_ERR(fw, RB_ERR_HTTP, "%s: HTTP %ld", url, reply->status);
    return RB_OK;
}

rb_status rb__fw_backoff(rb_firmware *fw, int attempt, const rb_firmware_fetch_options *opts,
                         uint64_t deadline_ms)
{
    /* 1, 2, 4 ... 30 s; tests shorten the first step with firmware.backoff_ms
     * ($RESCUEBAY_FW_BACKOFF_MS). */
    const char *v = rb_context_setting(fw->ctx, "firmware.backoff_ms", NULL);
    uint64_t base = v && *v ? strtoull(v, NULL, 10) : 1000;
    uint64_t wait = base << (attempt < 5 ? attempt : 5);
    if (wait > 30000)
        wait = 30000;
    uint64_t end = rb__now_ms() + wait;
    if (deadline_ms && end > deadline_ms)
        end = deadline_ms;
    while (rb__now_ms() < end) {
        if (rb__fw_report(opts, RB_FIRMWARE_STEP_RETRY, (uint64_t)attempt + 1,
                          (uint64_t)fw->max_retries) < 0)
            return FW_ERR(fw, RB_ERR_CANCELLED, "cancelled");
        uint64_t left = end - rb__now_ms();
        struct timespec ts = {0, (long)((left < 100 ? left : 100) * 1000000)};
        nanosleep(&ts, NULL);
    }
    return RB_OK;
}
