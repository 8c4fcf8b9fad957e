// A miniature node that keeps every rule of AreaRules, for CompiledAreaRulesTests: no rule may report it.
// One file with block namespaces, like BrokenNode.cs (hence IDE0161 off).
#pragma warning disable IDE0161

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Kernel
{
    public sealed class NodeId;
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Storage
{
    public sealed class Database
    {
        public Kernel.NodeId? Id { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Api
{
    public sealed class Problem
    {
        public Kernel.NodeId? Id { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Identity
{
    public sealed class Account
    {
        public Storage.Database? Database { get; init; }

        public Api.Problem? Problem { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Ui
{
    public sealed class Layout
    {
        public Identity.Account? Account { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Federation.Keys
{
    public sealed class KeyRing
    {
        public Storage.Database? Database { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Federation.Envelopes
{
    public sealed class Outbox
    {
        public Keys.KeyRing? Keys { get; init; }

        public Identity.Account? Account { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Features.Treaty
{
    public sealed class TreatyPage
    {
        public Ui.Layout? Layout { get; init; }

        public Federation.Envelopes.Outbox? Outbox { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Features.Treaty.Contracts
{
    public interface ITreatyPort;
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Features.Requests
{
    public sealed class RequestsUseTreatyContracts
    {
        public Treaty.Contracts.ITreatyPort? Treaty { get; init; }

        public Kernel.NodeId? Id { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.SoundNode.Hosting
{
    public sealed class NodeHost
    {
        public Features.Requests.RequestsUseTreatyContracts? Requests { get; init; }

        public Features.Treaty.TreatyPage? Treaty { get; init; }
    }
}
