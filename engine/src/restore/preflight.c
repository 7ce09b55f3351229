/* restore/preflight.c - the safety gate before anything is touched.
 *
 * Order: what can refuse without cost first (tool, model support), then the firmware
 * (which gives the target iOS version the backup must be compatible with), then the backup
 * or the waiver, battery, disk. Nothing here writes to the device.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <libirecovery.h>

#include "restore/restore_private.h"
#include "rescuebay/backup.h"
#include "rescuebay/firmware.h"
#include "rescuebay/tickets.h"

int rb__rs_tool_knows_model(const char *product_type, uint32_t cpid, uint32_t bdid)
{
    irecv_device_t d = NULL;
    if (product_type && *product_type &&
        irecv_devices_get_device_by_product_type(product_type, &d) == IRECV_E_SUCCESS && d)
        return 1;
    if (!cpid)
        return 0;
    for (irecv_device_t all = irecv_devices_get_all(); all && all->product_type; all++)
        if (all->chip_id == cpid && all->board_id == bdid)
            return 1;
    return 0;
}

static rb_status refuse(struct rs_job *job, rb_restore_cause cause, const char *fmt, ...)
    RB_PRINTF(3, 4);
static rb_status refuse(struct rs_job *job, rb_restore_cause cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(job->detail, sizeof job->detail, fmt, ap);
    va_end(ap);
    job->cause = cause;
    job->next = rb__rs_next_for_cause(cause);
    return RB_ERR_REFUSED;
}

static int on_fw_progress(const rb_progress *p, void *payload)
{
    struct rs_runner *r = payload;
    if (p->step != RB_FIRMWARE_STEP_DOWNLOAD && p->step != RB_FIRMWARE_STEP_VERIFY)
        return 0;
    r->job.step = RB_RESTORE_STEP_FIRMWARE;
    r->fw_done = p->bytes_done;
    r->fw_total = p->bytes_total;
    return rb__rs_report(r) ? -1 : 0;
}

static rb_status firmware(struct rs_manager *m, struct rs_runner *r, const char *build,
                          uint64_t *size)
{
    struct rs_job *job = &r->job;
    rb_firmware *fw = NULL;
    rb_status st = rb_firmware_open(&fw, m->ctx, NULL);
    if (st != RB_OK)
        return refuse(job, RB_CAUSE_FIRMWARE_UNAVAILABLE, "firmware cache: %s",
                      rb_context_last_error(m->ctx));
    /* Signing status must be current, not an hour old: ask the server (conditionally;
     * offline, the copy on disk answers and the job warns). */
    rb_firmware_list *fresh = NULL;
    if (rb_firmware_catalog(&fresh, fw, job->product_type, RB_FIRMWARE_REFRESH) == RB_OK)
        rb_firmware_list_free(fresh);
    rb_firmware_fetch_options fo = RB_FIRMWARE_FETCH_OPTIONS_INIT;
    fo.progress = on_fw_progress;
    fo.payload = r;
    rb_firmware_result res;
    st = rb_firmware_ensure(&res, fw, job->product_type, build, &fo);
    if (st != RB_OK) {
        /* No build asked for and none found: the catalog lists none Apple still signs. */
        bool unsigned_only = st == RB_ERR_NOT_FOUND && !(build && *build) &&
                             strstr(rb_firmware_last_error(fw), "signs no build");
        rb_restore_cause c = st == RB_ERR_DISK_FULL    ? RB_CAUSE_DISK_FULL
                             : st == RB_ERR_CANCELLED  ? RB_CAUSE_CANCELLED
                             : unsigned_only           ? RB_CAUSE_NOT_SIGNED
                                                       : RB_CAUSE_FIRMWARE_UNAVAILABLE;
        refuse(job, c, "firmware for %s%s%s: %s", job->product_type, build ? " " : "",
               build ? build : "", rb_firmware_last_error(fw));
        rb_firmware_free(fw);
        return RB_ERR_REFUSED;
    }
    snprintf(job->ipsw, sizeof job->ipsw, "%s", res.path);
    snprintf(job->sha1, sizeof job->sha1, "%s", res.sha1);
    *size = res.size;
    rb_firmware_list *l = NULL;
    int signed_now = -1, offline = 1;
    if (rb_firmware_catalog(&l, fw, job->product_type, 0) == RB_OK) {
        offline = l->offline;
        for (size_t i = 0; i < l->count; i++)
            if (strcmp(l->builds[i].sha1, res.sha1) == 0) {
                snprintf(job->build, sizeof job->build, "%s", l->builds[i].build);
                snprintf(job->version, sizeof job->version, "%s", l->builds[i].version);
                signed_now = l->builds[i].signed_now;
                break;
            }
        rb_firmware_list_free(l);
    }
    rb_firmware_free(fw);
    rb__rs_ticket_event(m->ctx, job, RB_TICKET_EVENT_FIRMWARE_FETCHED, job->build, NULL);
    if (signed_now == 0 && !offline)
        return refuse(job, RB_CAUSE_NOT_SIGNED, "Apple no longer signs iOS %s (%s) for %s",
                      job->version, job->build, job->product_type);
    if (signed_now != 1 || offline)
        job->warnings |= RB_RESTORE_WARN_SIGNING_UNCHECKED;
    return RB_OK;
}

/* Sizes and times of the files whose change means "another backup": a recorded
 * verification stays valid only while these are unchanged. */
static void backup_fingerprint(char *out, size_t cap, const char *dir)
{
    static const char *const names[] = {"Manifest.db", "Manifest.plist", "Info.plist",
                                        "Status.plist"};
    size_t len = (size_t)snprintf(out, cap, "%s", dir);
    for (size_t i = 0; i < 4 && len < cap; i++) {
        char *p = rb__path_join(dir, names[i]);
        struct stat sb;
        if (p && stat(p, &sb) == 0)
            len += (size_t)snprintf(out + len, cap - len, "|%lld:%lld.%09ld", (long long)sb.st_size,
                                    (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec);
        else if (len < cap)
            len += (size_t)snprintf(out + len, cap - len, "|-");
        free(p);
    }
}

static rb_status backup_gate(struct rs_manager *m, struct rs_job *job, const rb_restore_request *rq,
                             const rb_device_info *dev)
{
    char real[4096];
    if (!realpath(rq->backup_path, real))
        return refuse(job, RB_CAUSE_NO_BACKUP, "backup folder %s: %s", rq->backup_path,
                      strerror(errno));
    snprintf(job->backup_path, sizeof job->backup_path, "%s", real);
    char fp[4400];
    backup_fingerprint(fp, sizeof fp, real);
    long max_age = rb__rs_setting_long(m->ctx, "restore.backup_max_age", 86400);
    bool recent = rb__rs_backup_recent(m->jr, fp, job->product_type, job->version, max_age);
    rb_backup_options bo = RB_BACKUP_OPTIONS_INIT;
    /* A recorded deep verification of the unchanged backup stands; the headers are still
     * read, to see whose backup it is. */
    bo.depth = recent ? RB_BACKUP_HEADERS : RB_BACKUP_DEEP;
    bo.password = rq->backup_password;
    /* One catalog for the whole verification: names and families of both models. */
    rb_catalog *cat = NULL;
    if (rb_catalog_open(&cat, m->ctx, NULL) != RB_OK)
        cat = NULL; /* families then come from the product type's prefix */
    rb_restore_target t;
    rb_restore_target_from_model(&t, cat, job->product_type, job->version);
    if (!t.model_name[0])
        snprintf(t.model_name, sizeof t.model_name, "%s", job->model_name);
    rb_restore_backup_options(&bo, &t, cat);
    rb_backup_report *rep = NULL;
    rb_status st = rb_backup_verify(&rep, m->ctx, real, &bo);
    rb_catalog_free(cat);
    if (st != RB_OK)
        return refuse(job, RB_CAUSE_NO_BACKUP, "backup %s: %s", real,
                      rb_context_last_error(m->ctx));
    rb_backup_verdict v = rb_backup_report_verdict(rep);
    const rb_backup_info *bi = rb_backup_report_info(rep);
    char other[64] = "";
    if (bi && bi->udid[0] && dev->udid[0] && strcasecmp(bi->udid, dev->udid) != 0)
        snprintf(other, sizeof other, "%s", bi->udid);
    const char *vname = rb_backup_verdict_name(v);
    if (!recent) {
        rb__rs_backup_record(m->jr, real, fp, job->product_type, job->version, vname);
        rb__rs_ticket_event(m->ctx, job, RB_TICKET_EVENT_BACKUP_VERIFIED,
                            v == RB_BACKUP_RESTORABLE ? "ok" : vname, NULL);
    }
    rb_backup_report_free(rep);
    if (other[0])
        return refuse(job, RB_CAUSE_BACKUP_NOT_COMPATIBLE, "the backup is of another device (%s)",
                      other);
    if (v == RB_BACKUP_NOT_COMPATIBLE)
        return refuse(job, RB_CAUSE_BACKUP_NOT_COMPATIBLE,
                      "the backup cannot be restored onto %s with iOS %s", job->product_type,
                      job->version);
    if (v == RB_BACKUP_PASSWORD_NEEDED || v == RB_BACKUP_WRONG_PASSWORD)
        return refuse(job, RB_CAUSE_BACKUP_PASSWORD, "%s",
                      v == RB_BACKUP_WRONG_PASSWORD
                          ? "the password given does not open the encrypted backup"
                          : "the backup is encrypted: its password is needed to verify it");
    if (v != RB_BACKUP_RESTORABLE)
        return refuse(job, RB_CAUSE_BACKUP_NOT_RESTORABLE, "backup verdict: %s", vname);
    job->gate_ok = 1;
    return RB_OK;
}

static rb_status waiver_gate(struct rs_manager *m, struct rs_job *job, const rb_restore_request *rq)
{
    if (!rq->ticket || !*rq->ticket || !rq->staff || !*rq->staff || !rq->pin)
        return refuse(job, RB_CAUSE_WAIVER_REFUSED,
                      "a waiver needs a ticket (--ticket), a staff name and PIN");
    rb_ticket_store *ts = NULL;
    rb_status st = rb_ticket_store_open(&ts, m->ctx, NULL);
    if (st == RB_OK)
        st = rb_ticket_store_sign_in(ts, rq->staff, rq->pin);
    if (st != RB_OK) {
        refuse(job, RB_CAUSE_WAIVER_REFUSED, "staff sign-in for the waiver failed: %s",
               ts ? rb_ticket_store_last_error(ts) : rb_strerror(st));
        rb_ticket_store_free(ts);
        return RB_ERR_REFUSED;
    }
    cJSON *d = cJSON_CreateObject();
    cJSON_AddNumberToObject(d, "job", (double)job->id);
    cJSON_AddStringToObject(d, "waiver", rq->waiver);
    cJSON_AddStringToObject(d, "staff", rq->staff);
    char *detail = cJSON_PrintUnformatted(d);
    cJSON_Delete(d);
    st = rb_ticket_event_append(ts, rq->ticket, RB_TICKET_EVENT_CONSENT_RECORDED,
                                "erase without a verified backup (waiver)", detail);
    cJSON_free(detail);
    if (st != RB_OK) {
        refuse(job, RB_CAUSE_WAIVER_REFUSED, "the waiver could not be recorded on %s: %s",
               rq->ticket, rb_ticket_store_last_error(ts));
        rb_ticket_store_free(ts);
        return RB_ERR_REFUSED;
    }
    rb_ticket_store_free(ts);
    job->gate_ok = 1;
    job->warnings |= RB_RESTORE_WARN_WAIVER;
    return RB_OK;
}

static rb_status disk_space(struct rs_manager *m, struct rs_job *job, uint64_t ipsw_size)
{
    char *cache = rb__path_join(rb_context_home(m->ctx), "restore-cache");
    if (!cache)
        return RB_ERR_NOMEM;
    rb__mkdirs(cache, 0700);
    struct statvfs sv;
    int ok = statvfs(cache, &sv) == 0;
    free(cache);
    if (!ok)
        return RB_OK;
    uint64_t avail = (uint64_t)sv.f_bavail * (uint64_t)sv.f_frsize;
    /* The tool may copy the OS image out of the IPSW: at most the IPSW's size. */
    uint64_t need = ipsw_size + (64u << 20);
    if (avail < need)
        return refuse(job, RB_CAUSE_DISK_FULL,
                      "%llu MiB free for the restore's working copy, %llu MiB needed",
                      (unsigned long long)(avail >> 20), (unsigned long long)(need >> 20));
    return RB_OK;
}

rb_status rb__rs_preflight(struct rs_manager *m, struct rs_runner *r,
                           const struct rs_preflight_in *in)
{
    struct rs_job *job = &r->job;
    const rb_device_info *dev = in->dev;
    const rb_restore_request *rq = in->req;
    if (!in->tool)
        return refuse(job, RB_CAUSE_TOOL_MISSING, "idevicerestore was not found (%s)",
                      m->tool_opt ? m->tool_opt : "setting restore.tool, else PATH");
    if (!rb__rs_tool_knows_model(job->product_type, job->cpid, job->bdid))
        return refuse(job, RB_CAUSE_MODEL_TOO_NEW,
                      "the installed idevicerestore/libirecovery do not know %s (%s); %s",
                      job->model_name[0] ? job->model_name : "this model",
                      job->product_type[0] ? job->product_type : "unknown type",
                      "iPhone 12 and later need newer tools than Debian 12's");
    if (!job->product_type[0])
        return refuse(job, RB_CAUSE_MODEL_TOO_NEW, "the device's model could not be identified");
    bool waiver = rq->waiver && *rq->waiver;
    bool backup = rq->backup_path && *rq->backup_path;
    if (job->erase && !waiver && !backup)
        return refuse(job, RB_CAUSE_NO_BACKUP,
                      "an erase needs a verified backup of this device (--backup) or a waiver");
    uint64_t size = 0;
    rb_status st = firmware(m, r, rq->build, &size);
    if (st != RB_OK)
        return st;
    struct rs_manifest_want want = {job->product_type, job->hardware_model, job->cpid, job->bdid,
                                    job->erase};
    char why[sizeof job->detail];
    rb_restore_cause mc = rb__rs_manifest_check(job->ipsw, &want, why, sizeof why);
    if (mc != RB_CAUSE_NONE)
        return refuse(job, mc, "%s", why);
    if (job->erase) {
        st = waiver ? waiver_gate(m, job, rq) : backup_gate(m, job, rq, dev);
        if (st != RB_OK)
            return st;
    } else {
        job->gate_ok = 1;
    }
    if (dev->mode == RB_MODE_NORMAL && dev->battery_percent >= 0) {
        if (rb_restore_battery_low(m->ctx, dev))
            return refuse(job, RB_CAUSE_BATTERY_LOW, "battery at %d%%, at least %ld%% needed",
                          dev->battery_percent, rb__rs_min_battery(m->ctx));
    } else {
        job->warnings |= RB_RESTORE_WARN_BATTERY_UNKNOWN;
    }
    if (dev->find_my == 1 && job->erase)
        job->warnings |= RB_RESTORE_WARN_FIND_MY;
    return disk_space(m, job, size);
}
