# shellcheck shell=bash
# `./kim privacy-record`: regenerates the record of processing activities (Art. 30 GDPR) in docs/privacy/ from the
# personal-data declarations in the code. Commit the result; a test fails while the committed record is stale.

cmd_privacy_record() {
    (($# == 0)) || die "privacy-record: takes no arguments (./kim help)"
    (cd "$ROOT" && dotnet run --project src/Tools/KimPlatform.PrivacyRecord -c Release -- "$ROOT") \
        || die "privacy-record failed"
}
