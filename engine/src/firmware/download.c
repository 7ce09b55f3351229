/* firmware/download.c - one file from its URL into partial/<sha1>.part, resumable, then
 * verified and renamed into objects/.
 *
 * What a resumed download may keep: the sidecar (<sha1>.json) records the URL, the
 * server's validators (ETag, Last-Modified), `validated` = the length known to be on
 * stable storage (written only after fdatasync of the .part), and the boot id of the
 * machine at that moment. After kill -9 or a crash of the process the kernel still holds
 * every byte the process wrote, so when the boot id is unchanged the whole .part is kept;
 * after a power loss (new boot id) only `validated` bytes are. The resumed request carries
 * If-Range, so a file changed on the server comes back whole (200) and replaces the
 * partial. Whatever is kept, the whole file is hashed before it is trusted.
 */
#include <cjson/cJSON.h>
#include <pthread.h>
#include "firmware/curl_lazy_private.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "firmware/firmware_private.h"

#include "firmware/download_private.h"

#define PROGRESS_BYTES (1u << 20)

void rb__fw_boot_id(char out[64])
{
    out[0] = '\0';
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    if (f) {
        if (fgets(out, 64, f))
            out[strcspn(out, "\r\n")] = '\0';
        fclose(f);
    }
}

/* Called with d->side_mu held (the syncer thread writes it too, so this never touches
 * fw->err); returns 0 or an errno value. */
int rb__fw_write_sidecar(struct dl *d)
{
    char etag[256], lm[128];
    uint64_t validated;
    pthread_mutex_lock(&d->mu);
    snprintf(etag, sizeof etag, "%s", d->etag);
    snprintf(lm, sizeof lm, "%s", d->lm);
    validated = d->validated;
    pthread_mutex_unlock(&d->mu);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "url", d->b->url);
    cJSON_AddStringToObject(o, "etag", etag);
    cJSON_AddStringToObject(o, "last_modified", lm);
    cJSON_AddNumberToObject(o, "size", (double)d->b->size);
    cJSON_AddNumberToObject(o, "validated", (double)validated);
    cJSON_AddStringToObject(o, "boot_id", d->boot);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return ENOMEM;
    int err = rb__write_file_atomic(d->side, s, strlen(s));
    cJSON_free(s);
    return err;
}

/* Synchronous checkpoint (start, interruption): everything written is made durable and
 * recorded. During a transfer the syncer thread does this in the background. */
static rb_status checkpoint(struct dl *d)
{
    pthread_mutex_lock(&d->side_mu);
    if (fdatasync(d->fd) != 0) {
        pthread_mutex_unlock(&d->side_mu);
        return FW_ERR(d->fw, rb__status_from_errno(errno), "cannot flush %s: %s", d->part,
                      strerror(errno));
    }
    pthread_mutex_lock(&d->mu);
    d->validated = d->offset;
    pthread_mutex_unlock(&d->mu);
    int err = rb__fw_write_sidecar(d);
    pthread_mutex_unlock(&d->side_mu);
    if (err)
        return FW_ERR(d->fw, rb__status_from_errno(err), "cannot write %s: %s", d->side,
                      strerror(err));
    return RB_OK;
}

/* Decides how much of an existing .part can be kept (see the file comment). */
static rb_status load_partial(struct dl *d)
{
    struct stat sb;
    if (fstat(d->fd, &sb) != 0)
        return FW_ERR(d->fw, RB_ERR_IO, "cannot stat %s: %s", d->part, strerror(errno));
    uint64_t keep = 0;
    char *txt = NULL;
    size_t len = 0;
    if (sb.st_size > 0 && rb__read_file(d->side, 65536, &txt, &len) == 0) {
        cJSON *o = cJSON_ParseWithLength(txt, len);
        const cJSON *url = cJSON_GetObjectItemCaseSensitive(o, "url");
        const cJSON *etag = cJSON_GetObjectItemCaseSensitive(o, "etag");
        const cJSON *lm = cJSON_GetObjectItemCaseSensitive(o, "last_modified");
        const cJSON *size = cJSON_GetObjectItemCaseSensitive(o, "size");
        const cJSON *val = cJSON_GetObjectItemCaseSensitive(o, "validated");
        const cJSON *boot = cJSON_GetObjectItemCaseSensitive(o, "boot_id");
        if (cJSON_IsString(url) && strcmp(url->valuestring, d->b->url) == 0 &&
            cJSON_IsNumber(size) && (uint64_t)size->valuedouble == d->b->size &&
            cJSON_IsNumber(val) && val->valuedouble >= 0 && cJSON_IsString(etag) &&
            cJSON_IsString(lm) && (*etag->valuestring || *lm->valuestring)) {
            snprintf(d->etag, sizeof d->etag, "%s", etag->valuestring);
            snprintf(d->lm, sizeof d->lm, "%s", lm->valuestring);
            uint64_t validated = (uint64_t)val->valuedouble;
            bool same_boot = cJSON_IsString(boot) && *d->boot &&
                             strcmp(boot->valuestring, d->boot) == 0;
            keep = same_boot ? (uint64_t)sb.st_size : validated;
            if (keep > (uint64_t)sb.st_size)
                keep = (uint64_t)sb.st_size;
            if (keep > d->b->size)
                keep = 0;
        }
        cJSON_Delete(o);
    }
    free(txt);
    if (keep != (uint64_t)sb.st_size && ftruncate(d->fd, (off_t)keep) != 0)
        return FW_ERR(d->fw, rb__status_from_errno(errno), "cannot truncate %s: %s", d->part,
                      strerror(errno));
    d->offset = keep;
    if (keep == 0)
        d->etag[0] = d->lm[0] = '\0';
    rb__log("firmware", "resuming %s at %" PRIu64 " of %" PRIu64, d->b->sha1, keep, d->b->size);
    return checkpoint(d);
}

static void hv(const char *line, size_t len, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    if (len <= n + 1 || strncasecmp(line, name, n) != 0 || line[n] != ':')
        return;
    const char *v = line + n + 1, *e = line + len;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' '))
        e--;
    size_t vl = (size_t)(e - v) < cap ? (size_t)(e - v) : cap - 1;
    memcpy(out, v, vl);
    out[vl] = '\0';
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud)
{
    struct dl *d = ud;
    size_t len = sz * n;
    if (len > 5 && strncmp(p, "HTTP/", 5) == 0) {
        const char *sp = memchr(p, ' ', len);
        d->status = sp ? strtol(sp + 1, NULL, 10) : 0;
        d->r_etag[0] = d->r_lm[0] = '\0';
        d->have_cr = 0;
        d->clen = -1;
        return len;
    }
    char v[128];
    hv(p, len, "ETag", d->r_etag, sizeof d->r_etag);
    hv(p, len, "Last-Modified", d->r_lm, sizeof d->r_lm);
    v[0] = '\0';
    hv(p, len, "Content-Length", v, sizeof v);
    if (*v)
        d->clen = strtoll(v, NULL, 10);
    v[0] = '\0';
    hv(p, len, "Content-Range", v, sizeof v);
    unsigned long long a, b, t;
    if (*v && sscanf(v, "bytes %llu-%llu/%llu", &a, &b, &t) == 3) {
        d->have_cr = 1;
        d->cr_start = a;
        d->cr_total = t;
    }
    return len;
}

static size_t fail_write(struct dl *d, rb_status st, const char *msg)
{
    d->werr = st;
    snprintf(d->werrmsg, sizeof d->werrmsg, "%s", msg);
    return 0;
}

/* Empties the .part to start the file again; the hashers see the new generation and
 * start over. 0, or -1 with errno (then nothing changed). */
static int restart(struct dl *d)
{
    pthread_mutex_lock(&d->mu);
    int rc = ftruncate(d->fd, 0);
    if (rc == 0) {
        d->offset = d->avail = d->validated = 0;
        d->gen++;
    }
    int e = errno;
    pthread_mutex_unlock(&d->mu);
    errno = e;
    return rc;
}

/* First bytes of a body: decide between append (206 at our offset), restart (200) or
 * refusal (the server's size differs from the catalog's). */
static size_t start_body(struct dl *d)
{
    char msg[300];
    if (d->status == 206) {
        if (!d->have_cr || d->cr_start != d->offset)
            return fail_write(d, RB_ERR_NETWORK, "the server answered a different range");
        if (d->cr_total != d->b->size) {
            snprintf(msg, sizeof msg, "the server's file has %llu bytes, the catalog says %llu",
                     (unsigned long long)d->cr_total, (unsigned long long)d->b->size);
            return fail_write(d, RB_ERR_VERIFY, msg);
        }
    } else if (d->status == 200) {
        if (d->clen >= 0 && (uint64_t)d->clen != d->b->size) {
            snprintf(msg, sizeof msg, "the server's file has %lld bytes, the catalog says %llu",
                     (long long)d->clen, (unsigned long long)d->b->size);
            return fail_write(d, RB_ERR_VERIFY, msg);
        }
        if (d->offset > 0) {
            rb__log("firmware", "server sent the whole file (changed or no ranges): restarting");
            if (restart(d) != 0) {
                snprintf(msg, sizeof msg, "cannot empty %s to start again: %s", d->part,
                         strerror(errno));
                return fail_write(d, rb__status_from_errno(errno), msg);
            }
        }
        pthread_mutex_lock(&d->mu);
        snprintf(d->etag, sizeof d->etag, "%s", d->r_etag);
        snprintf(d->lm, sizeof d->lm, "%s", d->r_lm);
        pthread_mutex_unlock(&d->mu);
        if (checkpoint(d) != RB_OK)
            return fail_write(d, rb__errs_status(d->fw->err), rb__errs_last(d->fw->err));
    } else {
        /* Error body: not ours to keep, and never read without end; the status is
         * checked afterwards. */
        return 1;
    }
    if (lseek(d->fd, (off_t)d->offset, SEEK_SET) < 0)
        return fail_write(d, RB_ERR_IO, "cannot seek in the partial file");
    d->body_started = 1;
    return 2;
}

static size_t on_write(char *p, size_t sz, size_t n, void *ud)
{
    struct dl *d = ud;
    size_t len = sz * n;
    if (!d->body_started) {
        size_t r = start_body(d);
        if (r == 0)
            return 0;
        if (r == 1) {
            d->errbody += len;
            if (d->errbody > FW_ERROR_BODY_MAX) {
                d->errbody_cut = 1;
                return 0;
            }
            return len;
        }
    }
    if (d->offset + len > d->b->size)
        return fail_write(d, RB_ERR_VERIFY, "the server sent more bytes than the catalog's size");
    size_t done = 0;
    int err = rb__write_all(d->fd, p, len, &done);
    if (err) {
        char msg[300];
        snprintf(msg, sizeof msg, "cannot write %s: %s", d->part, strerror(err));
        pthread_mutex_lock(&d->mu);
        d->offset += done;
        d->avail = d->offset;
        pthread_mutex_unlock(&d->mu);
        d->downloaded += done;
        return fail_write(d, rb__status_from_errno(err), msg);
    }
    d->downloaded += len;
    pthread_mutex_lock(&d->mu);
    d->offset += len;
    d->avail = d->offset;
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
    return len;
}

static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    struct dl *d = ud;
    if (rb__fw_report(d->opts, RB_FIRMWARE_STEP_DOWNLOAD, d->offset, d->b->size) < 0) {
        d->cancelled = 1;
        return 1;
    }
    return 0;
}

/* One HTTP request from d->offset. Returns RB_OK when the response ended cleanly (the
 * file may still be short), a retryable RB_ERR_NETWORK/RB_ERR_HTTP, or a final error. */
static rb_status request(struct dl *d, bool *retryable)
{
    *retryable = false;
    CURL *c = curl_easy_init();
    if (!c)
        return FW_ERR(d->fw, RB_ERR_UNSUPPORTED, "cannot start libcurl %s", rb__curl_load_error());
    struct curl_slist *hdrs = NULL;
    char range[64], ifr[300], ebuf[CURL_ERROR_SIZE] = "";
    if (d->offset > 0) {
        snprintf(range, sizeof range, "%llu-", (unsigned long long)d->offset);
        curl_easy_setopt(c, CURLOPT_RANGE, range);
        /* A strong ETag is the better validator; Last-Modified otherwise (RFC 9110 13.1.5). */
        const char *v = (*d->etag && strncmp(d->etag, "W/", 2) != 0) ? d->etag : d->lm;
        snprintf(ifr, sizeof ifr, "If-Range: %s", v);
        hdrs = curl_slist_append(hdrs, ifr);
    }
    d->status = 0;
    d->body_started = 0;
    d->werr = RB_OK;
    d->clen = -1;
    d->errbody = 0;
    d->errbody_cut = 0;
    rb__fw_http_setup_common(c, d->fw);
    if (d->deadline_ms) {
        uint64_t now = rb__now_ms();
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                         (long)(d->deadline_ms > now ? d->deadline_ms - now : 1));
    }
    curl_easy_setopt(c, CURLOPT_URL, d->b->url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    /* Bigger reads mean fewer write() calls; but libcurl 7.88 stops honouring
     * MAX_RECV_SPEED with a large buffer, so a rate-limited transfer keeps the default. */
    if (!d->fw->rate_limit)
        curl_easy_setopt(c, CURLOPT_BUFFERSIZE, 256L * 1024);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, d);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, d);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, d);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    curl_slist_free_all(hdrs);
    if (d->cancelled)
        return FW_ERR(d->fw, RB_ERR_CANCELLED, "download cancelled");
    if (d->werr != RB_OK) {
        *retryable = d->werr == RB_ERR_NETWORK;
        return FW_ERR(d->fw, d->werr, "%s", d->werrmsg);
    }
    if (status == 416 && d->offset > 0) {
        /* Our partial is as long as or longer than the server's file: it changed. */
        if (restart(d) != 0)
            return FW_ERR(d->fw, rb__status_from_errno(errno),
                          "cannot empty %s to start again: %s", d->part, strerror(errno));
        *retryable = true;
        return FW_ERR(d->fw, RB_ERR_HTTP, "%s: range refused (file changed?)", d->b->url);
    }
    if (status >= 400) {
        *retryable = status >= 500 || status == 429 || status == 408;
        return FW_ERR(d->fw, RB_ERR_HTTP, "%s: HTTP %ld%s", d->b->url, status,
                      d->errbody_cut ? " (its error page went on past 64 KiB: cut off)"
                      : rc == CURLE_OPERATION_TIMEDOUT ? " (and its error page came too slowly)"
                                                       : "");
    }
    if (rc == CURLE_OPERATION_TIMEDOUT && d->deadline_ms && rb__now_ms() >= d->deadline_ms) {
        return FW_ERR(d->fw, RB_ERR_TIMEOUT,
                      "%s: the download did not finish within %d s (firmware.max_time or "
                      "--max-time); what arrived is kept and the next fetch resumes",
                      d->b->url, d->max_s);
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        *retryable = true;
        return FW_ERR(d->fw, RB_ERR_NETWORK,
                      "%s: the server sent less than %llu bytes/s for %d s (stalled or "
                      "trickling; firmware.min_speed)",
                      d->b->url, (unsigned long long)d->fw->min_speed, d->fw->min_speed_window);
    }
    if (rc != CURLE_OK) {
        *retryable = true;
        return FW_ERR(d->fw, RB_ERR_NETWORK, "%s: %s", d->b->url,
                      *ebuf ? ebuf : curl_easy_strerror(rc));
    }
    return RB_OK;
}

/* The hashers have read the whole .part back from the file while it was being written, so
 * verifying costs only its lag behind the network. */
static rb_status commit(struct dl *d, rb_firmware_result *res)
{
    rb_firmware *fw = d->fw;
    char sha1[41], sha256[65];
    bool want256 = d->b->sha256 && *d->b->sha256;
    rb_status st = rb__fw_dl_bg_finish(d, sha1, sha256);
    if (st != RB_OK) {
        rb__log("firmware", "background hash unavailable (%s): hashing the file", rb__errs_last(fw->err));
        st = rb__fw_hash_file(fw, d->part, want256, sha1, sha256, NULL, d->opts);
    }
    if (st != RB_OK)
        return st;
    rb__fw_report(d->opts, RB_FIRMWARE_STEP_VERIFY, d->b->size, d->b->size);
    if (strcmp(sha1, d->b->sha1) != 0 || (want256 && strcmp(sha256, d->b->sha256) != 0)) {
        /* Nothing of it can be trusted; the next attempt starts from zero. */
        unlink(d->part);
        unlink(d->side);
        bool bad1 = strcmp(sha1, d->b->sha1) != 0;
        return FW_ERR(fw, RB_ERR_VERIFY, "downloaded file does not match the catalog: %s is %s, "
                      "expected %s (discarded)", bad1 ? "SHA-1" : "SHA-256",
                      bad1 ? sha1 : sha256, bad1 ? d->b->sha1 : d->b->sha256);
    }
    rb__fw_report(d->opts, RB_FIRMWARE_STEP_COMMIT, d->b->size, d->b->size);
    char *dst = rb__fw_object_path(fw, sha1);
    if (!dst)
        return FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
    /* Read-only, so nothing in the cache is changed by accident after it was verified. */
    if (fchmod(d->fd, 0444) != 0) {
        st = FW_ERR(fw, rb__status_from_errno(errno), "cannot make %s read-only before it "
                    "goes into the cache: %s", d->part, strerror(errno));
        free(dst);
        return st;
    }
    /* No fsync here: the index records the boot this file was committed in, and after a
     * reboot an object that was never confirmed durable is re-hashed before it is used
     * (index.c). Waiting for gigabytes of writeback would halve the download speed. */
    if (rename(d->part, dst) != 0) {
        st = FW_ERR(fw, rb__status_from_errno(errno), "cannot move into the cache: %s",
                    strerror(errno));
        free(dst);
        return st;
    }
    unlink(d->side);
    snprintf(res->path, sizeof res->path, "%s", dst);
    free(dst);
    return rb__fw_index_add_unsynced(fw, sha1, want256 ? sha256 : "", d->b->size,
                                     d->opts && d->opts->pin, d->boot);
}

rb_status rb__fw_download(rb_firmware *fw, const rb_firmware_build *b,
                          const rb_firmware_fetch_options *opts, rb_firmware_result *res)
{
    struct dl d = {.fw = fw, .b = b, .opts = opts, .fd = -1};
    rb_status ust = rb__fw_url_check(fw, b->url, "the firmware file", opts);
    if (ust != RB_OK)
        return ust;
    d.max_s = opts && opts->version >= 2 && opts->max_seconds >= 0 ? opts->max_seconds
                                                                    : fw->max_time_s;
    if (d.max_s > 0)
        d.deadline_ms = rb__now_ms() + (uint64_t)d.max_s * 1000u;
    pthread_mutex_init(&d.mu, NULL);
    pthread_mutex_init(&d.side_mu, NULL);
    pthread_cond_init(&d.cv, NULL);
    pthread_cond_init(&d.scv, NULL);
    rb__fw_boot_id(d.boot);
    d.part = rb__sprintf("%s/%s.part", fw->partdir, b->sha1);
    d.side = rb__sprintf("%s/%s.json", fw->partdir, b->sha1);
    rb_status st = RB_OK;
    if (!d.part || !d.side) {
        st = FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
        goto out;
    }
    d.fd = open(d.part, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (d.fd < 0) {
        st = FW_ERR(fw, rb__status_from_errno(errno), "cannot create %s: %s", d.part,
                    strerror(errno));
        goto out;
    }
    if ((st = load_partial(&d)) != RB_OK)
        goto out;
    res->bytes_resumed = d.offset;
    d.avail = d.offset;
    rb__fw_dl_bg_start(&d);
    uint64_t t0 = rb__now_ms();
    int attempt = 0;
    while (d.offset < b->size) {
        uint64_t before = d.offset;
        bool retry;
        st = request(&d, &retry);
        /* Real progress means the network works: the tries start over. A few bytes per
         * try (a trickling server) are not progress, or it would be retried forever. */
        if (d.offset >= before + PROGRESS_BYTES)
            attempt = 0;
        if (st == RB_OK && d.offset < b->size) {
            st = FW_ERR(fw, RB_ERR_NETWORK, "%s: the connection ended early", b->url);
            retry = true;
        }
        if (st == RB_OK)
            break;
        /* Interrupted: make what we have durable before waiting or giving up. */
        if (d.offset != d.validated) {
            rb_status cst = checkpoint(&d);
            if (cst != RB_OK && (st == RB_ERR_NETWORK || st == RB_ERR_HTTP))
                st = cst;
        }
        if (!retry || attempt >= fw->max_retries)
            goto out;
        if (d.deadline_ms && rb__now_ms() >= d.deadline_ms) {
            char last[RB__ERR_MSG];
            rb__errs_get(fw->err, last, sizeof last);
            st = FW_ERR(fw, RB_ERR_TIMEOUT, "the download did not finish within %d s "
                        "(firmware.max_time or --max-time); last problem: %s", d.max_s, last);
            goto out;
        }
        rb__log("firmware", "transfer failed (%s); retry %d", rb__errs_last(fw->err), attempt + 1);
        if ((st = rb__fw_backoff(fw, attempt++, opts, d.deadline_ms)) != RB_OK)
            goto out;
        st = RB_OK;
    }
    uint64_t t1 = rb__now_ms();
    res->transfer_ms = t1 - t0;
    st = commit(&d, res);
    res->verify_tail_ms = rb__now_ms() - t1;
out:
    rb__fw_dl_bg_stop(&d);
    res->bytes_downloaded = d.downloaded;
    if (d.fd >= 0)
        close(d.fd);
    free(d.part);
    free(d.side);
    pthread_mutex_destroy(&d.mu);
    pthread_mutex_destroy(&d.side_mu);
    pthread_cond_destroy(&d.cv);
    pthread_cond_destroy(&d.scv);
    return st;
}
