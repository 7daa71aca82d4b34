/* test_access_log.c — secrets kept out of the access log, and the
 * --access-log values. */
#include "server/access_log.h"

#include <criterion/criterion.h>
#include <string.h>

Test(access_log, query_secrets_are_redacted)
{
    static const struct {
        const char *target, *logged;
    } cases[] = {
        {"/v1/meta", "/v1/meta"},
        {"/v1/meta?limit=2", "/v1/meta?limit=2"},
        {"/v1/a?token=abc", "/v1/a?token=REDACTED"},
        {"/v1/a?x=1&TOKEN=abc&y=2", "/v1/a?x=1&TOKEN=REDACTED&y=2"},
        {"/v1/a?access_token=abc;api_key=def", "/v1/a?access_token=REDACTED;api_key=REDACTED"},
        {"/v1/a?tokens=abc", "/v1/a?tokens=abc"},   /* another name */
        {"/v1/a?q=token=abc", "/v1/a?q=token=abc"}, /* a value, not a name */
        {"/v1/a?token", "/v1/a?token"},
        {"/v1/a?password=", "/v1/a?password=REDACTED"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[128];
        access_log_redact(cases[i].target, out, sizeof out);
        cr_expect_str_eq(out, cases[i].logged, "%s", cases[i].target);
    }
    char small[12];
    access_log_redact("/v1/a?token=abcdef", small, sizeof small);
    cr_expect_str_eq(small, "/v1/a?token", "cut short, and the secret never written");
}

Test(access_log, formats)
{
    static const struct {
        const char *value;
        bool ok;
        access_log_format fmt;
    } cases[] = {
        {NULL, true, ACCESS_LOG_TEXT},   {"on", true, ACCESS_LOG_TEXT},
        {"1", true, ACCESS_LOG_TEXT},    {"text", true, ACCESS_LOG_TEXT},
        {"json", true, ACCESS_LOG_JSON}, {"off", true, ACCESS_LOG_OFF},
        {"0", true, ACCESS_LOG_OFF},     {"JSON", false, ACCESS_LOG_OFF},
        {"", false, ACCESS_LOG_OFF},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        access_log_format fmt = ACCESS_LOG_OFF;
        cr_expect_eq(access_log_parse(cases[i].value, &fmt), cases[i].ok, "%s",
                     cases[i].value ? cases[i].value : "(none)");
        if (cases[i].ok)
            cr_expect_eq(fmt, cases[i].fmt, "%s", cases[i].value ? cases[i].value : "(none)");
    }
}
