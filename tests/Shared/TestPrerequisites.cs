namespace HakuWinay.Contests.Testing;

/// <summary>
/// The outside services some tests need, as ./test.sh provides them through environment
/// variables. A missing one fails the test with a message saying how to get it: no test skips.
/// </summary>
public static class TestPrerequisites
{
    public static string PostgresConnectionString => Require("HAKU_TEST_POSTGRES", "a PostgreSQL server");

    public static string SmtpHost => Require("HAKU_TEST_SMTP_HOST", "the maildev SMTP server");

    public static int SmtpPort => int.Parse(Require("HAKU_TEST_SMTP_PORT", "the maildev SMTP server"), System.Globalization.CultureInfo.InvariantCulture);

    public static Uri MaildevUrl => new(Require("HAKU_TEST_MAILDEV_URL", "the maildev web API"));

    public static string MaildevExecutable => Require("HAKU_TEST_MAILDEV_BIN", "the maildev executable");

    public static string KannelHost => Require("HAKU_TEST_KANNEL_HOST", "Kannel's smsbox");

    public static int KannelPort => int.Parse(Require("HAKU_TEST_KANNEL_PORT", "Kannel's smsbox"), System.Globalization.CultureInfo.InvariantCulture);

    public static string KannelUser => Require("HAKU_TEST_KANNEL_USER", "Kannel's sendsms user");

    public static string KannelPassword => Require("HAKU_TEST_KANNEL_PASSWORD", "Kannel's sendsms user");

    /// <summary>bearerbox's port for smsboxes: a test that takes the gateway down and up runs its own smsbox on it.</summary>
    public static int KannelBearerboxPort => int.Parse(Require("HAKU_TEST_KANNEL_BEARERBOX_PORT", "Kannel's bearerbox"), System.Globalization.CultureInfo.InvariantCulture);

    public static string SmsboxExecutable => Require("HAKU_TEST_SMSBOX_BIN", "Kannel's smsbox executable");

    /// <summary>The output of fakesmsc, Kannel's fake SMS centre: one "Got message N: &lt;from to text ...&gt;" line per SMS.</summary>
    public static string FakeSmscLog => Require("HAKU_TEST_FAKESMSC_LOG", "fakesmsc's output");

    public static string Chromium
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HAKU_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Chromium is not at {path}. Run ./test.sh, which installs Debian's chromium package.");
            }
            return path;
        }
    }

    public static string Nginx
    {
        get
        {
            const string path = "/usr/sbin/nginx";
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"nginx is not at {path}. Run ./test.sh, which installs Debian's nginx package (without starting its service).");
            }
            return path;
        }
    }

    /// <summary>Prometheus's rule checker, from Debian's prometheus package (its service is not started).</summary>
    public static string Promtool
    {
        get
        {
            const string path = "/usr/bin/promtool";
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"promtool is not at {path}. Run ./test.sh, which installs Debian's prometheus package (without starting its service).");
            }
            return path;
        }
    }

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{variable} is not set, so this test cannot reach {what}. Run the tests through ./test.sh, which starts it " +
                "(or `source scripts/test-services.sh && start_test_services` in your shell).");
        }
        return value;
    }
}
