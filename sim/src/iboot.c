/* iboot.c - the recovery/DFU side of a restore, behind the fake libusb: uploads (recovery
 * bulk endpoint 0x04 after control 0x41; DFU 0x21/1 blocks with the CRC suffix, GETSTATUS,
 * GETSTATE, reset), the boot commands (go, ramdisk, devicetree, bootx ...), the interface
 * claim registry, and the faults that fire during uploads. All under sim.lock unless said. */
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

enum { ERR_NO_DEVICE = 4, ERR_BUSY = 6, ERR_TIMEOUT = 7, ERR_PIPE = 9 };

/* The device's ApNonce and SEPNonce (fixed per ECID): NONC/SNON on USB, lockdown values. */
void sim_nonce_hex(const struct sim_device *d, char nonc[65], char snon[41])
{
    for (int i = 0; i < 64; i++)
        nonc[i] = "0123456789abcdef"[(d->p.ecid >> ((i * 4) % 64)) & 0xf];
    for (int i = 0; i < 40; i++)
        snon[i] = "0123456789abcdef"[(d->p.ecid >> ((i * 3) % 61)) & 0xf];
    nonc[64] = snon[40] = 0;
}

static plist_t hex_data(const char *hex)
{
    unsigned char b[32];
    size_t n = strlen(hex) / 2;
    for (size_t i = 0; i < n && i < sizeof b; i++) {
        unsigned v = 0;
        sscanf(hex + 2 * i, "%2x", &v);
        b[i] = (unsigned char)v;
    }
    return plist_new_data((const char *)b, n < sizeof b ? n : sizeof b);
}

/* What idevicerestore asks lockdownd (no session) before sending a device to recovery. */
void sim_iboot_lockdown_values(const struct sim_device *d, plist_t v)
{
    char nonc[65], snon[41];
    sim_nonce_hex(d, nonc, snon);
    int img3 = d->p.cpid >= 0x8900 && d->p.cpid < 0x8960; /* A4 .. A6 */
    plist_dict_set_item(v, "Image4Supported", plist_new_bool(!img3));
    plist_dict_set_item(v, "ApNonce", hex_data(nonc));
    plist_dict_set_item(v, "SEPNonce", hex_data(snon));
    if (!strcmp(d->p.device_class, "iPhone")) { /* the baseband's identity (Wi-Fi-only
                                                     models have none) */
        plist_t bb = plist_new_dict();
        plist_dict_set_item(bb, "CertID", plist_new_uint(0x2A3B4C5D));
        plist_dict_set_item(bb, "ChipID", plist_new_uint(0x1F0E1));
        plist_dict_set_item(bb, "ChipSerialNo", hex_data(snon + 32));
        plist_dict_set_item(bb, "Nonce", hex_data(snon));
        plist_dict_set_item(v, "FirmwarePreflightInfo", bb);
    }
}

void sim_restore_reset(struct sim_device *d)
{
    free(d->rs.upload);
    memset(&d->rs, 0, sizeof d->rs);
    d->rs.dfu_state = 2;
}

/* Under lock: sets an iBoot variable and saves it (what setenv + saveenv do). */
void sim_nv_set(struct sim_device *d, const char *key, const char *val)
{
    sim_env_set(d->nv, &d->nnv, key, val);
    memcpy(d->env, d->nv, sizeof d->env);
    d->nenv = d->nnv;
}

/* Under lock: the cable or the buttons end a restore in progress (ctl detach/reboot). */
void sim_restore_interrupted(struct sim_device *d)
{
    if (d->rs.step[0])
        snprintf(d->rs.last, sizeof d->rs.last, "failed: interrupted (%s)", d->rs.step);
    d->rs.step[0] = 0;
    d->rs.silent = 0;
}

/* Reads one DER header at p (tag, length); returns the header size or 0. */
static size_t der_head(const unsigned char *p, size_t n, unsigned *tag, size_t *len)
{
    if (n < 2)
        return 0;
    *tag = p[0];
    if (p[1] < 0x80) {
        *len = p[1];
        return 2;
    }
    size_t k = p[1] & 0x7f;
    if (k == 0 || k > 4 || n < 2 + k)
        return 0;
    *len = 0;
    for (size_t i = 0; i < k; i++)
        *len = *len << 8 | p[2 + i];
    return 2 + k;
}

/* The IM4P inside an upload (bare, or stitched into IMG4): its 4-char type and payload. */
static int im4p_parse(const unsigned char *p, size_t n, char type[5], const unsigned char **pl,
                      size_t *pllen)
{
    unsigned tag;
    size_t len, h = der_head(p, n, &tag, &len);
    if (!h || tag != 0x30)
        return -1;
    p += h, n -= h;
    for (int field = 0; field < 5 && n > 0; field++) {
        h = der_head(p, n, &tag, &len);
        if (!h || (len > n - h && !(tag == 0x04 && field == 4)))
            return -1;
        if (field == 0 && tag == 0x16 && len == 4 && !memcmp(p + h, "IMG4", 4)) {
            p += h + len, n -= h + len; /* IMG4 { "IMG4", IM4P, [0] ticket } */
            return im4p_parse(p, n, type, pl, pllen);
        }
        if (field == 0 && !(tag == 0x16 && len == 4 && !memcmp(p + h, "IM4P", 4)))
            return -1;
        if (field == 1) {
            if (tag != 0x16 || len != 4)
                return -1;
            memcpy(type, p + h, 4);
            type[4] = 0;
        }
        if (field == 3) {
            if (tag != 0x04)
                return -1;
            *pl = p + h;
            *pllen = len <= n - h ? len : n - h; /* the first chunk may hold only a part */
            return 0;
        }
        p += h + len, n -= h + len;
    }
    return -1;
}

static const char *component_name(const char *type)
{
    static const char *map[][2] = {
        {"ibss", "ibss"}, {"ibec", "ibec"}, {"rdsk", "ramdisk"}, {"rdtr", "devicetree"},
        {"dtre", "devicetree"}, {"rkrn", "kernel"}, {"krnl", "kernel"}, {"rlgo", "logo"},
        {"logo", "logo"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(type, map[i][0]))
            return map[i][1];
    return type;
}

static void set_step(struct sim_device *d, const char *what, const char *arg)
{
    snprintf(d->rs.step, sizeof d->rs.step, "%s %s", what, arg);
}

/* Appends to the upload; names it from its first bytes. Returns 0, or a libusb error number
 * when a fault fired (the device is gone or silent). */
static int upload_add(struct sim_device *d, const char *data, size_t n)
{
    struct sim_restore *rs = &d->rs;
    if (rs->upload_len + n > rs->upload_cap) {
        size_t cap = (rs->upload_len + n) * 2;
        unsigned char *p = realloc(rs->upload, cap);
        if (!p)
            return ERR_PIPE;
        rs->upload = p;
        rs->upload_cap = cap;
    }
    memcpy(rs->upload + rs->upload_len, data, n);
    rs->upload_len += n;
    if (!rs->upload_comp[0]) {
        char type[5] = "";
        const unsigned char *pl;
        size_t pllen;
        snprintf(rs->upload_comp, sizeof rs->upload_comp, "%s",
                 im4p_parse(rs->upload, rs->upload_len, type, &pl, &pllen) == 0
                     ? component_name(type) : "unknown");
        set_step(d, "uploading", rs->upload_comp);
        struct sim_fault f;
        if (sim_fault_take(d, rs->upload_comp, &f)) {
            if (!strcmp(f.action, "silent")) {
                rs->silent = (int)d->epoch + 1;
                return ERR_TIMEOUT;
            }
            /* a DFU device stays in DFU; later ones boot to recovery */
            sim_fault_unplug(d, !strcmp(f.action, "replug"),
                             d->mode == SIM_DFU ? SIM_DFU : SIM_RECOVERY);
            return ERR_NO_DEVICE;
        }
    }
    return 0;
}

/* The uploaded ramdisk tells what the restore installs: "rbsim-ramdisk product=P
 * version=V build=B behavior=Erase|Update" (ipsw.c). A ramdisk from elsewhere changes
 * nothing but the outcome. */
static void ramdisk_loaded(struct sim_device *d)
{
    char type[5];
    const unsigned char *pl = NULL;
    size_t n = 0;
    struct sim_restore *rs = &d->rs;
    rs->new_version[0] = rs->new_build[0] = rs->new_product[0] = 0;
    rs->update = 0;
    if (im4p_parse(rs->upload, rs->upload_len, type, &pl, &n) != 0)
        return;
    char text[256], behavior[16] = "";
    snprintf(text, sizeof text, "%.*s", (int)(n < 255 ? n : 255), (const char *)pl);
    if (strncmp(text, "rbsim-ramdisk ", 14))
        return;
    for (char *t = strtok(text + 14, " \n"); t; t = strtok(NULL, " \n")) {
        if (!strncmp(t, "product=", 8))
            snprintf(rs->new_product, sizeof rs->new_product, "%s", t + 8);
        else if (!strncmp(t, "version=", 8))
            snprintf(rs->new_version, sizeof rs->new_version, "%s", t + 8);
        else if (!strncmp(t, "build=", 6))
            snprintf(rs->new_build, sizeof rs->new_build, "%s", t + 6);
        else if (!strncmp(t, "behavior=", 9))
            snprintf(behavior, sizeof behavior, "%s", t + 9);
    }
    rs->update = !strcmp(behavior, "Update");
}

static int has_loaded(const struct sim_device *d, const char *comp)
{
    for (int i = 0; i < d->rs.nloaded; i++)
        if (!strcmp(d->rs.loaded[i], comp))
            return 1;
    return 0;
}

static void mark_loaded(struct sim_device *d, const char *comp)
{
    if (!has_loaded(d, comp) && d->rs.nloaded < 8)
        snprintf(d->rs.loaded[d->rs.nloaded++], sizeof d->rs.loaded[0], "%s", comp);
}

int sim_iboot_command(struct sim_device *d, const char *word, const char *cmd)
{
    (void)cmd;
    struct sim_restore *rs = &d->rs;
    const char *comp = rs->upload_len ? rs->upload_comp : "";
    if (!strcmp(word, "go")) {
        /* iBSS/iBEC run: the device re-enumerates in recovery mode */
        if (!strcmp(comp, "ibec") || !strcmp(comp, "ibss")) {
            rs->nloaded = 0;
            set_step(d, "booting", comp);
            sim_later_mode(d, SIM_RECOVERY);
        }
        return 1;
    }
    if (!strcmp(word, "ramdisk") || !strcmp(word, "devicetree") || !strcmp(word, "firmware") ||
        !strcmp(word, "setpicture")) {
        if (rs->upload_len) {
            mark_loaded(d, comp);
            if (!strcmp(comp, "ramdisk"))
                ramdisk_loaded(d);
        }
        return 1;
    }
    if (!strcmp(word, "bootx")) {
        /* the restore kernel boots the ramdisk: the device leaves USB and shows up on
         * usbmuxd in restore mode */
        if (!strcmp(comp, "kernel") && has_loaded(d, "ramdisk") && has_loaded(d, "devicetree")) {
            set_step(d, "booting", "restore ramdisk");
            rs->last[0] = 0;
            sim_later_mode(d, SIM_RESTORE);
        }
        return 1;
    }
    return !strcmp(word, "bgcolor");
}

/* DFU download: blocks of 0x800, the last with a 16-byte suffix ending in the CRC that
 * libirecovery computes (reflected CRC-32, no final inversion). */
static void dfu_finish(struct sim_device *d)
{
    struct sim_restore *rs = &d->rs;
    d->rs.dfu_image_ok = 0;
    if (rs->upload_len < 16)
        return;
    const unsigned char *sfx = rs->upload + rs->upload_len - 16;
    uint32_t want = (uint32_t)sfx[12] | (uint32_t)sfx[13] << 8 | (uint32_t)sfx[14] << 16 |
                    (uint32_t)sfx[15] << 24;
    uint32_t crc = ~(uint32_t)crc32(0L, rs->upload, (uInt)(rs->upload_len - 4));
    if (crc == want && !memcmp(sfx + 4, "\xac\x05\x00\x01UFD\x10", 8)) {
        rs->upload_len -= 16;
        rs->dfu_image_ok = 1;
    } else {
        fprintf(stderr, "rescuebay-sim: %s: DFU image CRC mismatch\n", d->p.name);
        rs->dfu_state = 10;
    }
}

int sim_iboot_control(struct sim_device *d, uint64_t rt, uint64_t rq, uint64_t value,
                      const char *data, uint64_t dlen, uint64_t len, char *out, size_t *outlen,
                      int64_t *ret)
{
    struct sim_restore *rs = &d->rs;
    if (rs->silent == (int)d->epoch + 1) {
        *ret = -ERR_TIMEOUT;
        return 1;
    }
    int dfu = d->mode == SIM_DFU;
    if (rt == 0x41 && rq == 0 && !dfu) { /* start of a recovery-mode upload */
        rs->upload_len = 0;
        rs->upload_comp[0] = 0;
        *ret = 0;
        return 1;
    }
    if (rt == 0x21 && rq == 1) { /* DFU_DNLOAD (also the zero-length "done" after `go`) */
        *ret = (int64_t)dlen;
        if (!dfu)
            return 1;
        if (dlen == 0) {
            dfu_finish(d);
            if (rs->dfu_state != 10)
                rs->dfu_state = 7;
            return 1;
        }
        if (value == 0) {
            rs->upload_len = 0;
            rs->upload_comp[0] = 0;
        }
        int err = upload_add(d, data, (size_t)dlen);
        if (err)
            *ret = -err;
        else
            rs->dfu_state = 5;
        return 1;
    }
    if (!dfu)
        return 0;
    if (rt == 0xA1 && (rq == 3 || rq == 5)) { /* GETSTATUS / GETSTATE */
        if (rq == 3) {
            out[4] = (char)rs->dfu_state;
            *outlen = len < 6 ? (size_t)len : 6;
            if (rs->dfu_state == 7)
                rs->dfu_state = 8; /* manifest, then wait for reset */
        } else {
            out[0] = (char)rs->dfu_state;
            *outlen = len < 1 ? 0 : 1;
        }
        *ret = (int64_t)*outlen;
        return 1;
    }
    if (rt == 0x21 && (rq == 4 || rq == 6)) { /* CLRSTATUS, ABORT */
        rs->dfu_state = 2;
        rs->upload_len = 0;
        *ret = 0;
        return 1;
    }
    return 0;
}

static struct sim_device *usb_device(plist_t req)
{
    uint64_t ecid = 0, gen = 0;
    sim_dict_uint(req, "ECID", &ecid);
    sim_dict_uint(req, "Gen", &gen);
    for (int i = 0; i < g_sim.ndev; i++) {
        struct sim_device *d = &g_sim.dev[i];
        if (d->p.ecid == ecid && d->attached && !d->rebooting && (uint64_t)d->usb_gen == gen &&
            (d->mode == SIM_RECOVERY || d->mode == SIM_DFU))
            return d;
    }
    return NULL;
}

static void answer(int fd, uint32_t tag, int err, uint64_t ret)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Return", plist_new_uint(ret));
    plist_dict_set_item(m, "Error", plist_new_uint((uint64_t)err));
    sim_mux_send(fd, tag, m);
    plist_free(m);
}

/* A claim lives as long as its connection: the fake libusb sends RbSimUsbRelease (or its
 * process dies) and the claim goes. Not under lock. */
static void claim(int fd, uint32_t tag, plist_t req)
{
    uint64_t iface = 0;
    sim_dict_uint(req, "Interface", &iface);
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = usb_device(req);
    int err = d ? 0 : ERR_NO_DEVICE;
    for (int i = 0; d && i < d->nclaims; i++)
        if (d->claims[i].gen == (uint64_t)d->usb_gen && d->claims[i].iface == (int)iface)
            err = ERR_BUSY;
    if (!err && d->nclaims == SIM_MAX_CLAIMS)
        err = ERR_BUSY;
    if (!err)
        d->claims[d->nclaims++] = (struct sim_claim){(uint64_t)d->usb_gen, (int)iface, fd};
    pthread_mutex_unlock(&g_sim.lock);
    answer(fd, tag, err, 0);
    if (err)
        return;
    uint32_t t = 0;
    plist_t m = NULL;
    int rc = sim_mux_recv(fd, &t, &m, -1);
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < d->nclaims; i++)
        if (d->claims[i].fd == fd) {
            d->claims[i] = d->claims[--d->nclaims];
            break;
        }
    pthread_mutex_unlock(&g_sim.lock);
    if (rc == 0)
        answer(fd, t, 0, 0);
    plist_free(m);
}

/* RbSimUsbBulk / RbSimUsbReset / RbSimUsbClaim from the fake libusb. */
void sim_iboot_message(int fd, uint32_t tag, plist_t req, const char *mt)
{
    if (!strcmp(mt, "RbSimUsbClaim")) {
        claim(fd, tag, req);
        return;
    }
    int err = 0, slow;
    uint64_t ret = 0;
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = usb_device(req);
    if (!d) {
        err = ERR_NO_DEVICE;
    } else if (d->rs.silent == (int)d->epoch + 1) {
        err = ERR_TIMEOUT;
    } else if (!strcmp(mt, "RbSimUsbBulk")) {
        plist_t data = plist_dict_get_item(req, "Data");
        uint64_t n = 0;
        const char *p = data && plist_get_node_type(data) == PLIST_DATA
                            ? plist_get_data_ptr(data, &n) : NULL;
        if (d->mode != SIM_RECOVERY)
            err = ERR_PIPE;
        else if (p && n)
            err = upload_add(d, p, (size_t)n);
        ret = err ? 0 : n;
    } else if (d->mode == SIM_DFU && d->rs.dfu_image_ok) { /* reset: run the image */
        d->rs.dfu_image_ok = 0;
        d->rs.dfu_state = 2;
        set_step(d, "booting", d->rs.upload_comp);
        sim_later_mode(d, SIM_RECOVERY);
    }
    slow = d ? d->slow_ms : 0;
    pthread_mutex_unlock(&g_sim.lock);
    sim_msleep(slow);
    answer(fd, tag, err, ret);
}
