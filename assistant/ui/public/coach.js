// The coaching room's small script (Chainlit `custom_js`, loaded before the app).
//
// Below 768 px (Chainlit's own line, see its useIsMobile) the side panel is a drawer over the chat, so the room
// opens the canvas there only when the founder asks. The server learns the screen's width from a cookie, read
// when the page connects, and from a window message (forwarded by Chainlit to `on_window_message`) when the
// width crosses that line, e.g. a phone turned sideways. Nothing else is sent.
(function () {
  "use strict";
  var BREAKPOINT = 768;
  var narrow = null;
  function update() {
    var now = window.innerWidth < BREAKPOINT;
    if (now === narrow) {
      return;
    }
    narrow = now;
    document.cookie = "coach_narrow=" + (now ? "1" : "0") + "; path=/; max-age=31536000; SameSite=Lax";
    window.postMessage({ coach: "viewport", narrow: now }, window.location.origin);
  }
  update();
  window.addEventListener("resize", update);
})();

// The sign-in page offers the sign-up page, for founders and mentors who were given an invite code
// (assistant/ui/dashboard/signup.py). Shown only on the sign-in page, and only once.
(function () {
  "use strict";
  var french = (navigator.language || "").toLowerCase().indexOf("fr") === 0;
  function offer() {
    var path = window.location.pathname;
    if (!/\/login\/?$/.test(path) || document.getElementById("coach-signup")) {
      return;
    }
    var form = document.querySelector("form");
    if (!form) {
      return;
    }
    var link = document.createElement("a");
    link.id = "coach-signup";
    link.href = path.replace(/\/login\/?$/, "") + "/signup";
    link.textContent = french ? "Vous avez un code d'invitation ? Créez votre compte" :
      "Have an invite code? Create your account";
    link.style.display = "block";
    link.style.marginTop = "1rem";
    link.style.textAlign = "center";
    form.parentNode.insertBefore(link, form.nextSibling);
  }
  new MutationObserver(offer).observe(document.documentElement, { childList: true, subtree: true });
})();
