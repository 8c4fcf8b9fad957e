using Comity.Node.Hosting;

var app = ComityNodeHost.Build(args);
await app.RunAsync();
