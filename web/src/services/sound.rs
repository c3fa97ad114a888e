//! The tone that goes with a verdict.

/// A short tone: high for valid, low for anything else.
pub fn beep(ok: bool) {
    let Ok(ctx) = web_sys::AudioContext::new() else { return };
    let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
    osc.frequency().set_value(if ok { 880.0 } else { 220.0 });
    gain.gain().set_value(0.15);
    let _ = osc.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&ctx.destination());
    let now = ctx.current_time();
    let _ = osc.start();
    let _ = osc.stop_with_when(now + if ok { 0.18 } else { 0.45 });
}
