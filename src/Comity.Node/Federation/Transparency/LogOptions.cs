using System.ComponentModel.DataAnnotations;
using Comity.Node.Kernel;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Transparency;

/// <summary>The transparency log's schedule (section <c>Comity:Transparency</c>).</summary>
public sealed class LogOptions
{
    public const string Section = "Comity:Transparency";

    /// <summary>How often recorded events are appended to the log. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Comity:Transparency:SequenceInterval must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan SequenceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A checkpoint is signed after new leaves, and at least this often even when the log did not grow. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Comity:Transparency:CheckpointInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the latest checkpoint is submitted to every peer witness. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Comity:Transparency:WitnessInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan WitnessInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many events are appended per database transaction. Default 250: on SQLite each batch holds
    /// the node's single writer, so envelope writes wait at most one batch (a few milliseconds), not the whole backlog.
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 250;
}

/// <summary>
/// The log's identities (docs/protocol/transparency-v1.md §6.2). The origin names the State, not an
/// address: it stays the same when a node moves to another endpoint, and the Register lists one node
/// per State, so a witness finds the log's keys from the origin alone.
/// </summary>
public static class LogNames
{
    public const string OriginPrefix = "comity.int/log/";

    public const string WitnessPrefix = "comity.int/witness/";

    /// <summary>The log of a State's node, e.g. <c>comity.int/log/XA</c>; the Secretariat's is <c>comity.int/log/UN</c>. Also the log key's name.</summary>
    public static string Origin(string state) => OriginPrefix + state;

    /// <summary>The name a node cosigns with as a witness, e.g. <c>comity.int/witness/XB</c>.</summary>
    public static string Witness(string state) => WitnessPrefix + state;

    /// <summary>The State of a Comity log origin, or null for any other origin.</summary>
    public static string? StateOf(string origin)
    {
        if (!origin.StartsWith(OriginPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var state = origin[OriginPrefix.Length..];
        return state.Length == 2 && state.All(char.IsAsciiLetterUpper) ? state : null;
    }

    /// <summary>This node's State code in the Register: its <c>Comity:StateCode</c>, or <c>UN</c> for the Secretariat.</summary>
    public static string OwnState(NodeOptions node) =>
        node.Role == NodeRole.Secretariat ? "UN" : node.StateCode ?? throw new InvalidOperationException("A State node needs Comity:StateCode.");

    public static string OwnState(IOptions<NodeOptions> node) => OwnState(node.Value);
}
