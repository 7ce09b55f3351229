/* firmware/http.c - libcurl settings shared by catalog and file transfers, the catalog
 * GET, and the retry backoff. */
#include "firmware/curl_lazy.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "firmware/fw_internal.h"

#define CATALOG_MAX_BYTES (16u << 20)

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
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
    /* A stalled connection (cable pulled, Wi-Fi gone) is dropped after 30 s below
     * 1 byte/s, then resumed by the retry loop. */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 30L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "rescuebay/" RB_FW_VERSION);
    if (fw && fw->rate_limit)
        curl_easy_setopt(c, CURLOPT_MAX_RECV_SPEED_LARGE, (curl_off_t)fw->rate_limit);
}

struct mem {
    fw_http_reply *r;
    size_t cap;
    int too_big;
};

static size_t mem_write(char *p, size_t sz, size_t n, void *ud)
{
    struct mem *m = ud;
    size_t len = sz * n;
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
    }
    header_value(p, len, "ETag", r->etag, sizeof r->etag);
    header_value(p, len, "Last-Modified", r->last_modified, sizeof r->last_modified);
    return len;
}

rb_status rb__fw_http_get(rb_firmware *fw, const char *url, const char *etag,
                          const char *last_modified, fw_http_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    CURL *c = curl_easy_init();
    if (!c)
        return FW_ERR(fw, RB_ERR_UNSUPPORTED, "cannot start libcurl %s", rb__curl_load_error());
    struct mem m = {reply, 0, 0};
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
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
    curl_easy_cleanup(c);
    curl_slist_free_all(hdrs);
    if (m.too_big)
        return FW_ERR(fw, RB_ERR_PARSE, "catalog %s is larger than %u bytes", url,
                      CATALOG_MAX_BYTES);
    if (rc != CURLE_OK)
        return FW_ERR(fw, RB_ERR_NETWORK, "%s: %s", url, *ebuf ? ebuf : curl_easy_strerror(rc));
    if (reply->status != 200 && reply->status != 304)
        return FW_ERR(fw, RB_ERR_HTTP, "%s: HTTP %ld", url, reply->status);
    return RB_OK;
}

rb_status rb__fw_backoff(rb_firmware *fw, int attempt, const rb_firmware_fetch_options *opts)
{
    /* 1, 2, 4 ... 30 s; tests shorten it with RESCUEBAY_FW_BACKOFF_MS. */
    const char *env = getenv("RESCUEBAY_FW_BACKOFF_MS");
    uint64_t base = env && *env ? strtoull(env, NULL, 10) : 1000;
    uint64_t wait = base << (attempt < 5 ? attempt : 5);
    if (wait > 30000)
        wait = 30000;
    uint64_t end = rb__now_ms() + wait;
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
