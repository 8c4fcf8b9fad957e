using QRCoder;

namespace Comity.Node.Ui.Account;

/// <summary>The <c>otpauth://</c> address of a TOTP key and its QR code as inline SVG (no script, no image request).</summary>
internal static class AuthenticatorQrCode
{
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    public static string Svg(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);

        // The surrounding element carries the accessible name; the SVG itself is decoration.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return (start > 0 ? svg[start..] : svg).Replace("<svg", "<svg aria-hidden=\"true\" focusable=\"false\"", StringComparison.Ordinal);
    }
}
