using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using CsCheck;

namespace Comity.Domain.Tests.Cooperation;

[Trait("Article", "36")]
public sealed class HandlingConditionsTests
{
    [Fact]
    public void Combine_TakesTheMostRestrictiveOfEachDimension()
    {
        var a = new HandlingConditions { Confidentiality = Confidentiality.Confidential, OnwardTransfer = OnwardTransfer.Prohibited, RetentionDays = 90, DataProtection = ["no profiling"] };
        var b = new HandlingConditions { UseLimitation = UseLimitation.IntelligenceOnly, RetentionDays = 30, DataProtection = ["delete after use", " no profiling "] };

        var combined = a.Combine(b);

        Assert.Equal(Confidentiality.Confidential, combined.Confidentiality);
        Assert.Equal(UseLimitation.IntelligenceOnly, combined.UseLimitation);
        Assert.Equal(OnwardTransfer.Prohibited, combined.OnwardTransfer);
        Assert.Equal(30, combined.RetentionDays);
        Assert.Equal(["delete after use", "no profiling"], combined.DataProtection);
        Assert.Equal(combined, b.Combine(a));
    }

    [Fact]
    public void MostRestrictive_WinsWhateverTheOrder()
    {
        Gen.Select(RequestBuilder.Conditions.Array[0, 6], Gen.Int).Sample((conditions, seed) =>
        {
            var combined = HandlingConditions.MostRestrictive(conditions);
            var shuffled = conditions.OrderBy(_ => new Random(seed).Next()).ToArray();

            Assert.Equal(combined, HandlingConditions.MostRestrictive(shuffled));
            Assert.Equal(combined, HandlingConditions.MostRestrictive([.. conditions, .. conditions]));
            Assert.All(conditions, c => Assert.True(combined.IsAtLeastAsRestrictiveAs(c)));
            Assert.All(conditions, c => Assert.Empty(ConditionsMayNeverBeLowered.Check(c, combined)));
        });
    }

    [Fact]
    public void Combine_IsTheLeastUpperBound()
    {
        Gen.Select(RequestBuilder.Conditions, RequestBuilder.Conditions, RequestBuilder.Conditions).Sample((a, b, c) =>
        {
            Assert.Equal(a.Combine(b).Combine(c), a.Combine(b.Combine(c)));
            Assert.Equal(a, a.Combine(a));
            Assert.Equal(a, a.Combine(HandlingConditions.None));
            // Anything at least as restrictive as both is at least as restrictive as their combination.
            if (c.IsAtLeastAsRestrictiveAs(a) && c.IsAtLeastAsRestrictiveAs(b))
            {
                Assert.True(c.IsAtLeastAsRestrictiveAs(a.Combine(b)));
            }
        });
    }

    [Fact]
    public void Check_EveryLoweredDimension_IsAViolationCitingArticle36()
    {
        var received = new HandlingConditions
        {
            Confidentiality = Confidentiality.DoNotNotifyHolder,
            UseLimitation = UseLimitation.StatedPurposeOnly,
            OnwardTransfer = OnwardTransfer.WithWrittenAuthorization,
            RetentionDays = 30,
            DataProtection = ["delete after use"],
        };

        var problems = ConditionsMayNeverBeLowered.Check(received, HandlingConditions.None);

        Assert.Equal(
            ["conditions.confidentiality", "conditions.useLimitation", "conditions.onwardTransfer", "conditions.retentionDays", "conditions.dataProtection"],
            problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(("conditions.lowered", nameof(ConditionsMayNeverBeLowered)), (p.Code, p.Rule)));
        Assert.Equal([36, 36, 36, 36, 36], problems.Select(p => p.Basis.Article));
        Assert.False(HandlingConditions.None.IsAtLeastAsRestrictiveAs(received));
        Assert.Empty(ConditionsMayNeverBeLowered.Check(received, received with { RetentionDays = 10, DataProtection = ["delete after use", "log access"] }));
    }

    [Fact]
    [Trait("Article", "36(3)")]
    public void Check_OnwardTransferLowered_CitesParagraph3()
    {
        var problem = Assert.Single(ConditionsMayNeverBeLowered.Check(
            new HandlingConditions { OnwardTransfer = OnwardTransfer.Prohibited },
            new HandlingConditions { OnwardTransfer = OnwardTransfer.WithPriorAuthorization }));

        Assert.Equal(Convention.Art(36, 3), problem.Basis);
        Assert.Contains("consent", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NeverLoweringHoldsForAnyCombination()
    {
        Gen.Select(RequestBuilder.Conditions, RequestBuilder.Conditions).Sample((received, extra) =>
        {
            Assert.Empty(ConditionsMayNeverBeLowered.Check(received, received.Combine(extra)));
            Assert.Equal(ConditionsMayNeverBeLowered.Check(received, extra).Count == 0, extra.IsAtLeastAsRestrictiveAs(received));
        });
    }

    [Fact]
    public void Equality_IgnoresOrderAndBlanksOfDataProtectionConditions()
    {
        Assert.Equal(
            new HandlingConditions { DataProtection = ["b", "a", " ", "a"] },
            new HandlingConditions { DataProtection = ["a", "b"] });
        Assert.Equal(
            new HandlingConditions { DataProtection = ["b", "a"] }.GetHashCode(),
            new HandlingConditions { DataProtection = ["a", "b"] }.GetHashCode());
        Assert.Equal(HandlingConditions.None, new HandlingConditions());
    }
}
