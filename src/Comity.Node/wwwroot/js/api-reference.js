// Renders the node's OpenAPI document with Scalar (loaded just before this module from the node itself) inside the
// console's shell. Everything Scalar could fetch from elsewhere is off: fonts, telemetry, the agent and MCP services.
const host = document.getElementById('api-reference');
if (host && window.Scalar) {
  window.Scalar.createApiReference(host, {
    url: host.dataset.openapi,
    layout: 'modern',
    theme: 'none',
    forceDarkModeState: 'light',
    hideDarkModeToggle: true,
    withDefaultFonts: false,
    // Every tag open: the reference is read by searching the page, and which area sorts first is incidental.
    defaultOpenAllTags: true,
    hideClientButton: true,
    showDeveloperTools: 'never',
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
  });
}
