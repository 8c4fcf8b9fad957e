namespace Comity.Testing;

/// <summary>Shared test support for Comity: builders, fakes and node fixtures. Holds no tests.</summary>
public static class TestingMarker;
