/* test_damage.c - one case per kind of damage: the generator writes a backup in Apple's
 * format, damages it one way, and the verifier must give the verdict and the finding. */
#include "support.h"

static void check(const char *damage, bool encrypted, const char *password, rb_backup_depth depth,
                  rb_backup_verdict verdict, const char *code)
{
    const char *dir = rb__bk_gen(damage ? damage : "clean", encrypted, damage, 6);
    rb_backup_report *r = rb__bk_verify(dir, password, depth);
    rb__bk_assert_outcome(r, verdict, code);
    rb_backup_report_free(r);
}

#define PLAIN(name, verdict, code)                                                     \
    static void test_backup_damage__##name(void)                                       \
    {                                                                                  \
        check(#name, false, NULL, RB_BACKUP_DEEP, verdict, code);                      \
    }
#define ENC(name, verdict, code)                                                       \
    static void test_backup_damage__enc_##name(void)                                   \
    {                                                                                  \
        check(#name, true, BK_PASSWORD, RB_BACKUP_DEEP, verdict, code);                \
    }

PLAIN(no_info_plist, RB_BACKUP_CORRUPT, "info_plist_missing")
PLAIN(bad_manifest_plist, RB_BACKUP_CORRUPT, "manifest_plist_invalid")
PLAIN(no_status_plist, RB_BACKUP_CORRUPT, "status_plist_missing")
PLAIN(snapshot_unfinished, RB_BACKUP_CORRUPT, "snapshot_unfinished")
PLAIN(snapshot_folder, RB_BACKUP_CORRUPT, "snapshot_folder_left")
PLAIN(udid_mismatch, RB_BACKUP_CORRUPT, "plists_disagree")
PLAIN(no_manifest_db, RB_BACKUP_CORRUPT, "manifest_db_missing")
PLAIN(garbage_manifest_db, RB_BACKUP_CORRUPT, "manifest_db_unreadable")
PLAIN(truncated_manifest_db, RB_BACKUP_CORRUPT, "manifest_db_unreadable")
PLAIN(corrupt_manifest_db_page, RB_BACKUP_CORRUPT, "manifest_db_integrity")
PLAIN(missing_file, RB_BACKUP_CORRUPT, "file_missing")
PLAIN(truncated_file, RB_BACKUP_CORRUPT, "file_size_mismatch")
PLAIN(bitflip_file, RB_BACKUP_CORRUPT, "file_digest_mismatch")
PLAIN(fileid_mismatch, RB_BACKUP_CORRUPT, "file_id_mismatch")
PLAIN(fileid_malformed, RB_BACKUP_CORRUPT, "file_id_malformed")
PLAIN(path_traversal, RB_BACKUP_CORRUPT, "path_unsafe")
PLAIN(absolute_path, RB_BACKUP_CORRUPT, "path_unsafe")
PLAIN(garbage_mbfile, RB_BACKUP_CORRUPT, "mbfile_invalid")
PLAIN(orphan, RB_BACKUP_RESTORABLE, "orphan_file")
PLAIN(blob_symlink, RB_BACKUP_CORRUPT, "file_not_regular")
/* The row only in Manifest.db-wal must be seen (its content file does not exist). */
PLAIN(wal_sidecar, RB_BACKUP_CORRUPT, "file_missing")

ENC(bad_padding, RB_BACKUP_CORRUPT, "file_padding_invalid")
ENC(bad_file_key, RB_BACKUP_CORRUPT, "file_key_invalid")
ENC(no_file_key, RB_BACKUP_CORRUPT, "file_key_invalid")
ENC(bad_manifest_key, RB_BACKUP_CORRUPT, "manifest_key_invalid")
ENC(bad_keybag, RB_BACKUP_CORRUPT, "keybag_invalid")
ENC(flag_mismatch, RB_BACKUP_CORRUPT, "encryption_flag_mismatch")
ENC(truncated_manifest_db, RB_BACKUP_CORRUPT, "manifest_db_truncated")
ENC(missing_file, RB_BACKUP_CORRUPT, "file_missing")
ENC(truncated_file, RB_BACKUP_CORRUPT, "file_size_mismatch")
ENC(bitflip_file, RB_BACKUP_CORRUPT, "file_digest_mismatch")
/* Seen in real backups on live databases: a warning, not a verdict. */
ENC(size_field_off, RB_BACKUP_RESTORABLE, "file_decrypted_size_mismatch")

static void test_backup_damage__clean_plain_is_restorable(void)
{
    check(NULL, false, NULL, RB_BACKUP_DEEP, RB_BACKUP_RESTORABLE, NULL);
}

static void test_backup_damage__clean_encrypted_is_restorable(void)
{
    const char *dir = rb__bk_gen("clean-enc", true, NULL, 6);
    rb_backup_report *r = rb__bk_verify(dir, BK_PASSWORD, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(s->files, s->files_decrypted);
    rbt_assert(s->digests_checked > 0);
    rb_backup_report_free(r);
}

static void test_backup_damage__encrypted_without_password(void)
{
    check(NULL, true, NULL, RB_BACKUP_DEEP, RB_BACKUP_PASSWORD_NEEDED, "password_needed");
}

static void test_backup_damage__encrypted_wrong_password(void)
{
    check(NULL, true, "not-the-password", RB_BACKUP_DEEP, RB_BACKUP_WRONG_PASSWORD, "wrong_password");
}

/* Damage that outranks a missing password: an interrupted encrypted backup is corrupt. */
static void test_backup_damage__encrypted_unfinished_without_password(void)
{
    check("snapshot_unfinished", true, NULL, RB_BACKUP_DEEP, RB_BACKUP_CORRUPT, "snapshot_unfinished");
}

/* Quick depth reads no content, so a flipped bit passes; deep finds it. */
static void test_backup_damage__quick_does_not_read_content(void)
{
    const char *dir = rb__bk_gen("bitflip", false, "bitflip_file", 6);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_QUICK);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rbt_assert_int(0, rb_backup_report_summary(r)->bytes_read);
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_CORRUPT, "file_digest_mismatch");
    rb_backup_report_free(r);
}

RBT_MAIN(T(test_backup_damage__no_info_plist), T(test_backup_damage__bad_manifest_plist),
         T(test_backup_damage__no_status_plist), T(test_backup_damage__snapshot_unfinished),
         T(test_backup_damage__snapshot_folder), T(test_backup_damage__udid_mismatch),
         T(test_backup_damage__no_manifest_db), T(test_backup_damage__garbage_manifest_db),
         T(test_backup_damage__truncated_manifest_db), T(test_backup_damage__corrupt_manifest_db_page),
         T(test_backup_damage__missing_file), T(test_backup_damage__truncated_file),
         T(test_backup_damage__bitflip_file), T(test_backup_damage__fileid_mismatch),
         T(test_backup_damage__fileid_malformed), T(test_backup_damage__path_traversal),
         T(test_backup_damage__absolute_path), T(test_backup_damage__garbage_mbfile),
         T(test_backup_damage__orphan), T(test_backup_damage__blob_symlink),
         T(test_backup_damage__wal_sidecar), T(test_backup_damage__enc_bad_padding),
         T(test_backup_damage__enc_bad_file_key), T(test_backup_damage__enc_no_file_key),
         T(test_backup_damage__enc_bad_manifest_key), T(test_backup_damage__enc_bad_keybag),
         T(test_backup_damage__enc_flag_mismatch), T(test_backup_damage__enc_truncated_manifest_db),
         T(test_backup_damage__enc_missing_file), T(test_backup_damage__enc_truncated_file),
         T(test_backup_damage__enc_bitflip_file), T(test_backup_damage__enc_size_field_off),
         T(test_backup_damage__clean_plain_is_restorable),
         T(test_backup_damage__clean_encrypted_is_restorable),
         T(test_backup_damage__encrypted_without_password),
         T(test_backup_damage__encrypted_wrong_password),
         T(test_backup_damage__encrypted_unfinished_without_password),
         T(test_backup_damage__quick_does_not_read_content))
