// The suite runs on Debian only (test.sh installs its browser, fonts and PostgreSQL from apt), and some
// tests check Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
