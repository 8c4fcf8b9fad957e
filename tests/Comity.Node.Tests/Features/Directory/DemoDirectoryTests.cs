using Comity.Node.Features.Demo;
using Comity.Node.Identity;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>The demo States' fictional directory: entered on first start, valid, XC's roster with its one deliberate gap.</summary>
public sealed class DemoDirectoryTests
{
    [Theory]
    [InlineData("XA", 3, 0)]
    [InlineData("XB", 3, 0)]
    [InlineData("XC", 2, 1)]
    public async Task DemoNode_FirstStart_SeedsDirectoryEntries(string state, int designations, int gaps)
    {
        await using var node = await TestNode.StartAsync(new TestNodeOptions
        {
            StateCode = state,
            Demo = true,
            Services = s => s.AddSingleton(new DemoAccounts([])),
            Settings = new Dictionary<string, string?> { ["Comity:Federation:PublicUrl"] = "http://127.0.0.1:5081" },
        });
        using var admin = await node.CreateClientForAsync("admin-test", Roles.NodeAdmin);

        var (_, own) = await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/directory/own");

        Assert.Equal(designations, own.GetProperty("designations").GetArrayLength());
        Assert.Equal(2, own.GetProperty("serviceProviders").GetArrayLength());
        var found = own.GetProperty("rosterGaps").EnumerateArray().ToList();
        Assert.Equal(gaps, found.Count);
        if (gaps == 1)
        {
            Assert.Equal(TimeSpan.FromHours(6), found[0].GetProperty("end").GetDateTimeOffset() - found[0].GetProperty("start").GetDateTimeOffset());
        }
    }
}
