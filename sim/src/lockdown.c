/* lockdown.c - the fake lockdownd behind port 62078 and the TLS services it starts.
 * Framing: 4-byte big-endian length + XML plist; TLS after StartSession (and from the first
 * byte on service ports), as libimobiledevice 1.3.0 expects. */
#include "sim.h"
#include "hostile.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define LD_MAX_MESSAGE (1u << 20)

struct ld {
    int fd;
    SSL_CTX *ctx;
    SSL *ssl;
    struct sim_device *d;
    int session;
    char host_id[64];
    X509 *host_root;   /* the RootCertificate of the session's host */
};

static int io_read(struct ld *l, void *buf, size_t n)
{
    if (!l->ssl)
        return sim_read_full(l->fd, buf, n);
    char *p = buf;
    while (n > 0) {
        int r = SSL_read(l->ssl, p, n > 65536 ? 65536 : (int)n);
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static int io_write(struct ld *l, const void *buf, size_t n)
{
    if (!l->ssl)
        return sim_write_full(l->fd, buf, n);
    return SSL_write(l->ssl, buf, (int)n) == (int)n ? 0 : -1;
}

static int ld_recv(struct ld *l, plist_t *out)
{
    unsigned char h[4];
    *out = NULL;
    if (io_read(l, h, 4) != 0)
        return -1;
    uint32_t n = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
    if (n == 0 || n > LD_MAX_MESSAGE)
        return -1;
    char *buf = malloc(n);
    if (!buf || io_read(l, buf, n) != 0) {
        free(buf);
        return -1;
    }
    sim_plist_parse(buf, n, out);
    free(buf);
    return 0;
}

static int send_raw(struct ld *l, const char *data, uint32_t n)
{
    unsigned char h[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
                          (unsigned char)(n >> 8), (unsigned char)n};
    if (io_write(l, h, 4) != 0)
        return -1;
    return io_write(l, data, n);
}

/* Sends and frees msg, applying the device's "slow" setting. */
static int ld_send(struct ld *l, plist_t msg)
{
    pthread_mutex_lock(&g_sim.lock);
    int slow = l->d->slow_ms;
    pthread_mutex_unlock(&g_sim.lock);
    sim_msleep(slow);
    char *xml = NULL;
    uint32_t len = 0;
    plist_to_xml(msg, &xml, &len);
    plist_free(msg);
    int h = xml && !l->ssl ? sim_hostile_lockdown(l->fd, l->d, xml, len) : 0;
    int rc = h ? (h > 0 ? 0 : -1) : xml ? send_raw(l, xml, len) : -1;
    free(xml);
    return rc;
}

static plist_t reply(const char *request)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Request", plist_new_string(request ? request : ""));
    return m;
}

static plist_t reply_error(const char *request, const char *error)
{
    plist_t m = reply(request);
    plist_dict_set_item(m, "Error", plist_new_string(error));
    return m;
}

static int ios_major(const struct sim_device *d) { return atoi(d->p.ios_version); }

/* Values by domain; `full` is false without a session, which leaves the keys a real
 * device hands to anyone (enough to show the model and to pair). */
static plist_t domain_values(const struct sim_device *d, const char *domain, int full)
{
    const struct sim_profile *p = &d->p;
    plist_t v = plist_new_dict();
#define S(k, x) plist_dict_set_item(v, k, plist_new_string(x))
#define U(k, x) plist_dict_set_item(v, k, plist_new_uint((uint64_t)(x)))
#define B(k, x) plist_dict_set_item(v, k, plist_new_bool((x) ? 1 : 0))
    if (!domain || !*domain) {
        S("BuildVersion", p->build_version);
        S("CPUArchitecture", p->cpu_arch);
        S("DeviceClass", p->device_class);
        S("DeviceName", p->device_name);
        S("HardwareModel", p->hardware_model);
        S("ProductName", "iPhone OS");
        S("ProductType", p->product_type);
        S("ProductVersion", p->ios_version);
        S("ProtocolVersion", "2");
        S("UniqueDeviceID", p->udid);
        U("UniqueChipID", p->ecid);
        U("ChipID", p->cpid);
        U("BoardId", p->bdid);
        S("WiFiAddress", p->wifi_mac);
        plist_dict_set_item(v, "DevicePublicKey",
                            plist_new_data(g_sim.device_pubkey_pem, strlen(g_sim.device_pubkey_pem)));
        sim_iboot_lockdown_values(d, v); /* nonces, Image4Supported (iboot.c) */
        if (full) {
            S("SerialNumber", p->serial);
            if (!strcmp(p->device_class, "iPhone"))
                S("InternationalMobileEquipmentIdentity", p->imei);
            S("ActivationState", p->activation);
            B("PasswordProtected", 0);
            S("FirmwareVersion", p->iboot);
            S("RegionInfo", "LL/A");
            S("TimeZone", "Europe/Berlin");
        }
        return v;
    }
    if (!full) {
        plist_free(v);
        return NULL;
    }
    if (!strcmp(domain, "com.apple.disk_usage")) {
        U("TotalDiskCapacity", p->disk_total);
        U("TotalDataCapacity", p->disk_total - p->disk_total / 10);
        U("TotalDataAvailable", p->disk_free);
        U("AmountDataAvailable", p->disk_free);
        U("AmountDataReserved", 200000000);
        U("TotalSystemCapacity", p->disk_total / 10);
        U("TotalSystemAvailable", p->disk_total / 40);
    } else if (!strcmp(domain, "com.apple.mobile.battery")) {
        U("BatteryCurrentCapacity", p->battery_percent);
        B("BatteryIsCharging", p->battery_charging);
        B("ExternalConnected", 1);
        B("ExternalChargeCapable", 1);
        B("FullyCharged", p->battery_percent >= 100);
        B("HasBattery", 1);
    } else if (!strcmp(domain, "com.apple.fmip")) {
        B("IsAssociated", p->find_my);
    } else {
        plist_free(v);
        return NULL;
    }
    return v;
#undef S
#undef U
#undef B
}

static plist_t get_value(struct ld *l, plist_t req)
{
    const char *domain = sim_dict_str(req, "Domain");
    const char *key = sim_dict_str(req, "Key");
    pthread_mutex_lock(&g_sim.lock); /* ctl set may change the profile */
    plist_t all = domain_values(l->d, domain, l->session);
    pthread_mutex_unlock(&g_sim.lock);
    plist_t val = NULL;
    if (all && key) {
        plist_t item = plist_dict_get_item(all, key);
        val = item ? plist_copy(item) : NULL;
        plist_free(all);
    } else {
        val = all;
    }
    plist_t m = val ? reply("GetValue") : reply_error("GetValue", "MissingValue");
    if (domain)
        plist_dict_set_item(m, "Domain", plist_new_string(domain));
    if (key)
        plist_dict_set_item(m, "Key", plist_new_string(key));
    if (val)
        plist_dict_set_item(m, "Value", val);
    return m;
}

static int host_index(const struct sim_device *d, const char *host_id)
{
    for (int i = 0; host_id && i < d->nhosts; i++)
        if (!strcmp(d->hosts[i].host_id, host_id))
            return i;
    return -1;
}

static plist_t do_pair(struct ld *l, plist_t req, const char *r)
{
    plist_t rec = plist_dict_get_item(req, "PairRecord");
    const char *host_id = sim_dict_str(rec, "HostID");
    plist_t rootn = rec ? plist_dict_get_item(rec, "RootCertificate") : NULL;
    uint64_t len = 0;
    const char *pem = rootn && plist_get_node_type(rootn) == PLIST_DATA
                          ? plist_get_data_ptr(rootn, &len) : NULL;
    X509 *root = sim_pki_x509_from_pem(pem, len);
    if (!host_id || !root) {
        X509_free(root);
        return reply_error(r, "InvalidPairRecord");
    }
    struct sim_device *d = l->d;
    const char *error = NULL;
    pthread_mutex_lock(&g_sim.lock);
    if (host_index(d, host_id) >= 0) {
        error = NULL;
    } else if (d->trust_pending > 0) {
        d->trust_pending--;
        error = "PairingDialogResponsePending";
    } else if (d->trust == TRUST_WAIT) {
        error = "PairingDialogResponsePending";
    } else if (d->trust == TRUST_REFUSE) {
        error = "UserDeniedPairing";
    } else {
        if (d->nhosts == SIM_MAX_HOSTS) { /* forget the oldest, like a full keychain */
            X509_free(d->hosts[0].root);
            memmove(d->hosts, d->hosts + 1, sizeof d->hosts[0] * (SIM_MAX_HOSTS - 1));
            d->nhosts--;
        }
        snprintf(d->hosts[d->nhosts].host_id, sizeof d->hosts[0].host_id, "%s", host_id);
        d->hosts[d->nhosts].root = root;
        d->nhosts++;
        root = NULL;
    }
    pthread_mutex_unlock(&g_sim.lock);
    X509_free(root);
    if (error)
        return reply_error(r, error);
    plist_t m = reply(r);
    unsigned char bag[32];
    RAND_bytes(bag, sizeof bag);
    plist_dict_set_item(m, "EscrowBag", plist_new_data((const char *)bag, sizeof bag));
    return m;
}

/* The host must present its RootCertificate (libimobiledevice 1.3.0) or a certificate
 * that root signed; anything else ends the connection. */
static int verify_any(int ok, X509_STORE_CTX *x) { (void)ok; (void)x; return 1; }

static SSL_CTX *make_ctx(const struct sim_device *d)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx)
        return NULL;
    pthread_mutex_lock(&g_sim.lock);
    int major = ios_major(d);
    pthread_mutex_unlock(&g_sim.lock);
    if (major < 10) { /* the client caps TLS at 1.0 for these */
        SSL_CTX_set_security_level(ctx, 0);
        SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
        SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    }
    SSL_CTX_use_certificate(ctx, g_sim.device_cert);
    SSL_CTX_use_PrivateKey(ctx, g_sim.device_key);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verify_any);
    SSL_CTX_set_quiet_shutdown(ctx, 1);
    return ctx;
}

static int tls_start(struct ld *l, X509 *root)
{
    l->ctx = make_ctx(l->d);
    l->ssl = l->ctx ? SSL_new(l->ctx) : NULL;
    if (!l->ssl || SSL_set_fd(l->ssl, l->fd) != 1 || SSL_accept(l->ssl) != 1) {
        ERR_clear_error();
        return -1;
    }
    X509 *peer = SSL_get0_peer_certificate(l->ssl);
    EVP_PKEY *rk = root ? X509_get0_pubkey(root) : NULL;
    if (!peer || !root || (X509_cmp(peer, root) != 0 && X509_verify(peer, rk) != 1)) {
        fprintf(stderr, "rescuebay-sim: %s: TLS client certificate is not the paired host's\n",
                l->d->p.name);
        ERR_clear_error();
        return -1;
    }
    return 0;
}

static void tls_stop(struct ld *l)
{
    SSL_free(l->ssl);
    SSL_CTX_free(l->ctx);
    l->ssl = NULL;
    l->ctx = NULL;
}

/* After StopSession the client sends close_notify and continues in plain text. */
static int tls_end_session(struct ld *l)
{
    char c;
    struct pollfd pfd = {.fd = l->fd, .events = POLLIN};
    if (SSL_pending(l->ssl) == 0 && poll(&pfd, 1, 2000) <= 0) {
        tls_stop(l);
        return 0;
    }
    int r = SSL_read(l->ssl, &c, 1);
    int err = SSL_get_error(l->ssl, r);
    tls_stop(l);
    ERR_clear_error();
    return r <= 0 && err == SSL_ERROR_ZERO_RETURN ? 0 : -1;
}

static plist_t start_session(struct ld *l, plist_t req, const char *r, X509 **root_out)
{
    const char *host_id = sim_dict_str(req, "HostID");
    pthread_mutex_lock(&g_sim.lock);
    int i = host_index(l->d, host_id);
    if (i >= 0) {
        *root_out = l->d->hosts[i].root;
        X509_up_ref(*root_out);
    }
    pthread_mutex_unlock(&g_sim.lock);
    if (i < 0)
        return reply_error(r, "InvalidHostID");
    unsigned char b[8];
    char sid[40];
    RAND_bytes(b, sizeof b);
    snprintf(sid, sizeof sid, "%02X%02X%02X%02X-%02X%02X-%02X%02X", b[0], b[1], b[2], b[3], b[4],
             b[5], b[6], b[7]);
    snprintf(l->host_id, sizeof l->host_id, "%s", host_id);
    plist_t m = reply(r);
    plist_dict_set_item(m, "SessionID", plist_new_string(sid));
    plist_dict_set_item(m, "EnableSessionSSL", plist_new_bool(1));
    return m;
}

static plist_t start_service(struct ld *l, plist_t req, const char *r)
{
    const char *svc = sim_dict_str(req, "Service");
    if (!l->session)
        return reply_error(r, "NoRunningSession");
    if (!svc || (strcmp(svc, "com.apple.mobile.diagnostics_relay") &&
                 strcmp(svc, "com.apple.iosdiagnostics.relay")))
        return reply_error(r, "InvalidService");
    int port = 0;
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = l->d;
    for (int i = 0; i < SIM_MAX_PORTS; i++)
        if (!d->ports[i].port) {
            port = d->next_port++;
            if (d->next_port > 65000)
                d->next_port = 49152;
            d->ports[i].port = port;
            snprintf(d->ports[i].service, sizeof d->ports[i].service, "%s", svc);
            X509_up_ref(l->host_root);
            d->ports[i].root = l->host_root;
            break;
        }
    pthread_mutex_unlock(&g_sim.lock);
    if (!port)
        return reply_error(r, "ServiceLimit");
    plist_t m = reply(r);
    plist_dict_set_item(m, "Service", plist_new_string(svc));
    plist_dict_set_item(m, "Port", plist_new_uint((uint64_t)port));
    plist_dict_set_item(m, "EnableServiceSSL", plist_new_bool(1));
    return m;
}

/* Returns 1 if this request was answered with a fault (and the connection should end). */
static int inject_fault(struct ld *l)
{
    pthread_mutex_lock(&g_sim.lock);
    int drop = l->d->drop_next, garbage = l->d->garbage_next;
    l->d->drop_next = 0;
    if (!drop)
        l->d->garbage_next = 0;
    pthread_mutex_unlock(&g_sim.lock);
    if (drop) {
        static const char part[] = "<?xml version=\"1.0\"";
        unsigned char h[4] = {0, 0, 1, 0}; /* promises 256 bytes, sends a few */
        io_write(l, h, 4);
        io_write(l, part, sizeof part - 1);
        return 1;
    }
    if (garbage) {
        static const char junk[] = "<?xml version=\"1.0\"?><plist><dict><key>Request</key>"
                                   "<strin\x01\xff garbage</dict";
        send_raw(l, junk, sizeof junk - 1);
        return 2;
    }
    return 0;
}

void sim_lockdown_run(int fd, struct sim_device *d)
{
    struct ld l = {.fd = fd, .d = d};
    for (;;) {
        plist_t req = NULL;
        if (ld_recv(&l, &req) != 0)
            break;
        const char *r = sim_dict_str(req, "Request");
        plist_t out = NULL;
        int end = 0, fault = inject_fault(&l);
        if (fault == 1) {
            plist_free(req);
            break;
        }
        if (fault == 2) {
            plist_free(req);
            continue;
        }
        pthread_mutex_lock(&g_sim.lock);
        int restore = d->mode == SIM_RESTORE;
        pthread_mutex_unlock(&g_sim.lock);
        if (!r) {
            out = reply_error(NULL, "InvalidRequest");
        } else if (!strcmp(r, "QueryType")) {
            out = reply(r);
            plist_dict_set_item(out, "Type", plist_new_string(
                restore ? "com.apple.mobile.restored" : "com.apple.mobile.lockdown"));
        } else if (!strcmp(r, "Goodbye")) {
            out = reply(r);
            plist_dict_set_item(out, "Result", plist_new_string("Success"));
            end = 1;
        } else if (restore) {
            out = reply_error(r, "UnsupportedRequest");
        } else if (!strcmp(r, "GetValue")) {
            out = get_value(&l, req);
        } else if (!strcmp(r, "Pair")) {
            out = do_pair(&l, req, r);
        } else if (!strcmp(r, "ValidatePair") || !strcmp(r, "Unpair")) {
            const char *hid = sim_dict_str(plist_dict_get_item(req, "PairRecord"), "HostID");
            pthread_mutex_lock(&g_sim.lock);
            int i = host_index(d, hid);
            if (i >= 0 && !strcmp(r, "Unpair")) {
                X509_free(d->hosts[i].root);
                d->hosts[i] = d->hosts[--d->nhosts];
                d->trust_pending = d->p.trust_pending; /* the next Pair prompts again */
            }
            pthread_mutex_unlock(&g_sim.lock);
            out = i >= 0 ? reply(r) : reply_error(r, "InvalidHostID");
        } else if (!strcmp(r, "StartSession")) {
            X509 *root = NULL;
            out = start_session(&l, req, r, &root);
            int ok = root != NULL;
            plist_free(req);
            req = NULL;
            if (ld_send(&l, out) != 0 || (ok && tls_start(&l, root) != 0)) {
                X509_free(root);
                break;
            }
            if (ok) {
                X509_free(l.host_root);
                l.host_root = root;
                l.session = 1;
            }
            continue;
        } else if (!strcmp(r, "StopSession")) {
            out = reply(r);
            plist_dict_set_item(out, "Result", plist_new_string("Success"));
            plist_free(req);
            req = NULL;
            if (ld_send(&l, out) != 0 || (l.ssl && tls_end_session(&l) != 0))
                break;
            l.session = 0;
            continue;
        } else if (!strcmp(r, "StartService")) {
            out = start_service(&l, req, r);
        } else if (!strcmp(r, "EnterRecovery")) {
            out = reply(r);
            plist_free(req);
            ld_send(&l, out); /* answer first: the reboot hangs up this connection */
            pthread_mutex_lock(&g_sim.lock);
            sim_nv_set(d, "auto-boot", "false");
            sim_leave_later(d, SIM_RECOVERY, 300);
            pthread_mutex_unlock(&g_sim.lock);
            break;
        } else {
            out = reply_error(r, "UnsupportedRequest");
        }
        plist_free(req);
        if (ld_send(&l, out) != 0 || end)
            break;
    }
    if (l.ssl)
        SSL_shutdown(l.ssl);
    tls_stop(&l);
    X509_free(l.host_root);
}

static plist_t battery_ioreg(const struct sim_device *d)
{
    plist_t b = plist_new_dict();
    int design = 3110, max = design * 90 / 100;
    plist_dict_set_item(b, "CycleCount", plist_new_uint((uint64_t)d->p.battery_cycles));
    plist_dict_set_item(b, "DesignCapacity", plist_new_uint((uint64_t)design));
    plist_dict_set_item(b, "AppleRawMaxCapacity", plist_new_uint((uint64_t)max));
    plist_dict_set_item(b, "NominalChargeCapacity", plist_new_uint((uint64_t)max));
    plist_dict_set_item(b, "AppleRawCurrentCapacity",
                        plist_new_uint((uint64_t)(max * d->p.battery_percent / 100)));
    plist_dict_set_item(b, "CurrentCapacity", plist_new_uint((uint64_t)d->p.battery_percent));
    plist_dict_set_item(b, "MaxCapacity", plist_new_uint(100));
    plist_dict_set_item(b, "IsCharging", plist_new_bool(d->p.battery_charging ? 1 : 0));
    plist_dict_set_item(b, "ExternalConnected", plist_new_bool(1));
    plist_dict_set_item(b, "FullyCharged", plist_new_bool(d->p.battery_percent >= 100));
    plist_dict_set_item(b, "Temperature", plist_new_uint(2950));
    plist_dict_set_item(b, "Voltage", plist_new_uint(4100));
    plist_dict_set_item(b, "BatteryInstalled", plist_new_bool(1));
    return b;
}

static plist_t diagnostics(struct ld *l, plist_t req, int *end)
{
    const char *r = sim_dict_str(req, "Request");
    plist_t m = plist_new_dict();
    const char *status = "UnknownRequest";
    if (r && !strcmp(r, "Goodbye")) {
        status = "Success";
        *end = 1;
    } else if (r && !strcmp(r, "IORegistry")) {
        const char *cls = sim_dict_str(req, "EntryClass"), *name = sim_dict_str(req, "EntryName");
        if ((cls && !strcmp(cls, "AppleSmartBattery")) || (name && !strcmp(name, "AppleSmartBattery"))) {
            plist_t diag = plist_new_dict();
            pthread_mutex_lock(&g_sim.lock);
            plist_dict_set_item(diag, "IORegistry", battery_ioreg(l->d));
            pthread_mutex_unlock(&g_sim.lock);
            plist_dict_set_item(m, "Diagnostics", diag);
            status = "Success";
        } else {
            status = "Failure";
        }
    } else if (r && (!strcmp(r, "Restart") || !strcmp(r, "Shutdown") || !strcmp(r, "Sleep"))) {
        status = "Success";
        *end = !strcmp(r, "Restart") ? 2 : !strcmp(r, "Shutdown") ? 3 : 0;
    }
    plist_dict_set_item(m, "Status", plist_new_string(status));
    return m;
}

void sim_service_run(int fd, struct sim_device *d, const struct sim_service_port *sp)
{
    struct ld l = {.fd = fd, .d = d, .session = 1};
    if (tls_start(&l, sp->root) != 0) {
        tls_stop(&l);
        return;
    }
    int end = 0;
    while (!end) {
        plist_t req = NULL;
        if (ld_recv(&l, &req) != 0)
            break;
        plist_t out = diagnostics(&l, req, &end);
        plist_free(req);
        if (ld_send(&l, out) != 0)
            break;
    }
    if (end >= 2) { /* after the answer, as a real device: Restart or Shutdown */
        pthread_mutex_lock(&g_sim.lock);
        if (end == 2)
            sim_later_mode(d, SIM_NORMAL);
        else
            sim_set_attached(d, 0);
        pthread_mutex_unlock(&g_sim.lock);
    }
    if (end < 2)
        SSL_shutdown(l.ssl);
    tls_stop(&l);
}
