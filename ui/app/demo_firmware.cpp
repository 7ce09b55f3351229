// Demo mode's firmware: an IPSW for the restorable demo device, a catalog that lists it,
// and the IPSW imported into the throwaway home's cache, so a demo restore runs offline.
#include "demo.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern "C" {
#include <rescuebay/context.h>
#include <rescuebay/firmware.h>
}

// The demo scenario's restorable device (sim/scenarios/demo.scenario, bay4) runs 15.7.9.
static const char *kProduct = "iPod9,1";
static const char *kVersion = "15.8";
static const char *kBuild = "19H370";

static bool hashFile(const std::string &path, std::string &sha1, std::string &sha256,
                     long long &size)
{
    FILE *f = fopen(path.c_str(), "rb");
    if (!f)
        return false;
    EVP_MD_CTX *m1 = EVP_MD_CTX_new(), *m2 = EVP_MD_CTX_new();
    bool ok = m1 && m2 && EVP_DigestInit_ex(m1, EVP_sha1(), nullptr) == 1
              && EVP_DigestInit_ex(m2, EVP_sha256(), nullptr) == 1;
    unsigned char buf[65536];
    size = 0;
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        EVP_DigestUpdate(m1, buf, n);
        EVP_DigestUpdate(m2, buf, n);
        size += (long long)n;
    }
    ok = ok && !ferror(f);
    auto hex = [](EVP_MD_CTX *m) {
        unsigned char d[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(m, d, &len);
        std::string s;
        char two[3];
        for (unsigned int i = 0; i < len; i++) {
            snprintf(two, sizeof two, "%02x", d[i]);
            s += two;
        }
        return s;
    };
    if (ok) {
        sha1 = hex(m1);
        sha256 = hex(m2);
    }
    EVP_MD_CTX_free(m1);
    EVP_MD_CTX_free(m2);
    fclose(f);
    return ok;
}

// Answers every GET of /v4/device/<kProduct> with the catalog, anything else with 404. It
// lives as long as the supervising process, i.e. as long as the demo kiosk.
static void serveCatalog(int lfd, std::string body)
{
    const std::string want = std::string("GET /v4/device/") + kProduct;
    for (;;) {
        int c = accept(lfd, nullptr, nullptr);
        if (c < 0)
            continue;
        std::string req;
        char buf[2048];
        struct pollfd p = {c, POLLIN, 0};
        // A client that never finishes its request must not block the next one for long.
        while (req.find("\r\n\r\n") == std::string::npos && req.size() < 16384
               && poll(&p, 1, 5000) == 1) {
            ssize_t n = read(c, buf, sizeof buf);
            if (n <= 0)
                break;
            req.append(buf, (size_t)n);
        }
        const bool hit = req.compare(0, want.size(), want) == 0
                         && (req[want.size()] == ' ' || req[want.size()] == '?');
        const std::string &b = hit ? body : std::string();
        std::string head = std::string(hit ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n")
                           + "Content-Type: application/json\r\nContent-Length: "
                           + std::to_string(b.size()) + "\r\nConnection: close\r\n\r\n";
        std::string out = head + b;
        for (size_t w = 0; w < out.size();) {
            ssize_t k = send(c, out.data() + w, out.size() - w, MSG_NOSIGNAL);
            if (k <= 0)
                break;
            w += (size_t)k;
        }
        close(c);
    }
}

bool rb_demo_prepare_firmware(const std::string &sim, const std::string &dir,
                              const std::string &home, std::string &err)
{
    const std::string ipsw = dir + "/" + kProduct + "_" + kVersion + "_" + kBuild + "_Restore.ipsw";
    pid_t pid = fork();
    if (pid == 0) {
        execl(sim.c_str(), sim.c_str(), "ipsw", ipsw.c_str(), "--product", kProduct, "--version",
              kVersion, "--build", kBuild, "--update", (char *)nullptr);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
        err = "rescuebay-sim ipsw failed";
        return false;
    }
    std::string sha1, sha256;
    long long size = 0;
    if (!hashFile(ipsw, sha1, sha256, size)) {
        err = "cannot read " + ipsw;
        return false;
    }

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t alen = sizeof a;
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 8) != 0
        || getsockname(lfd, (struct sockaddr *)&a, &alen) != 0) {
        err = std::string("cannot open a loopback port for the catalog: ") + strerror(errno);
        if (lfd >= 0)
            close(lfd);
        return false;
    }
    const std::string base = "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
    char entry[1024];
    snprintf(entry, sizeof entry,
             "{\"name\":\"iPod touch (7th generation)\",\"identifier\":\"%s\",\"firmwares\":[{"
             "\"identifier\":\"%s\",\"version\":\"%s\",\"buildid\":\"%s\",\"sha1sum\":\"%s\","
             "\"sha256sum\":\"%s\",\"filesize\":%lld,\"url\":\"%s/files/%s_%s_%s_Restore.ipsw\","
             "\"releasedate\":\"2023-10-25T17:00:00Z\",\"signed\":true}]}",
             kProduct, kProduct, kVersion, kBuild, sha1.c_str(), sha256.c_str(), size,
             base.c_str(), kProduct, kVersion, kBuild);
    std::thread(serveCatalog, lfd, std::string(entry)).detach();

    mkdir(home.c_str(), 0700);
    const std::string conf = home + "/rescuebay.conf";
    FILE *f = fopen(conf.c_str(), "w");
    if (!f) {
        err = "cannot write " + conf;
        return false;
    }
    // Plain http is fine here: the catalog never leaves this machine's loopback.
    fprintf(f, "firmware.catalog_url = %s/v4\nfirmware.allow_http = yes\n", base.c_str());
    fclose(f);

    rb_context *ctx = nullptr;
    rb_firmware *fw = nullptr;
    rb_firmware_options o = RB_FIRMWARE_OPTIONS_INIT;
    rb_firmware_fetch_options fo = RB_FIRMWARE_FETCH_OPTIONS_INIT;
    rb_firmware_result res;
    bool ok = rb_context_new(&ctx, home.c_str()) == RB_OK;
    if (!ok)
        err = ctx ? rb_context_last_error(ctx) : "cannot open the demo home";
    else if (rb_firmware_open(&fw, ctx, &o) != RB_OK)
        err = rb_context_last_error(ctx), ok = false;
    else if (rb_firmware_import(&res, fw, ipsw.c_str(), &fo) != RB_OK)
        err = rb_firmware_last_error(fw), ok = false;
    rb_firmware_free(fw);
    rb_context_free(ctx);
    return ok;
}
